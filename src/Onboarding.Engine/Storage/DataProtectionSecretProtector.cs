using Microsoft.AspNetCore.DataProtection;

namespace Onboarding.Engine.Storage;

/// <summary>Secret protection through ASP.NET Core Data Protection with the host's persisted key ring.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string RootPurpose = "Onboarding.Secrets.v1";

    public string Protect(string purpose, ReadOnlySpan<byte> secret)
    {
        var protector = provider.CreateProtector(RootPurpose, purpose);
        return Convert.ToBase64String(protector.Protect(secret.ToArray()));
    }

    public byte[] Unprotect(string purpose, string protectedValue)
    {
        var protector = provider.CreateProtector(RootPurpose, purpose);
        return protector.Unprotect(Convert.FromBase64String(protectedValue));
    }
}
