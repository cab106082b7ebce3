using System.Security.Cryptography;

namespace Onboarding.NetSuiteSandbox.Tokens;

/// <summary>The RSA key the sandbox signs its tokens with, and its key id (the JWT <c>kid</c>).</summary>
internal sealed class SigningKey(RSA key, string keyId)
{
    // One key per process unless state is kept: making an RSA key is the slowest part of starting a sandbox, and
    // tests start hundreds. Tokens stay bound to their instance because every bearer is also looked up in that
    // instance's token records.
    private static readonly Lazy<SigningKey> ProcessWide = new(New);

    public RSA Key { get; } = key;

    public string KeyId { get; } = keyId;

    /// <summary>The key shared by every sandbox in this process that keeps no state file.</summary>
    public static SigningKey Shared => ProcessWide.Value;

    public static SigningKey New() => new(RSA.Create(2048), $"s.SANDBOX.{Guid.NewGuid():N}");
}
