namespace Onboarding.Engine.Storage;

/// <summary>
/// Encrypts secrets (tokens, private keys, code verifiers, chat platform tokens) before they reach the database.
/// Each purpose gets its own key derivation, so a value protected for one purpose cannot be read as another.
/// </summary>
public interface ISecretProtector
{
    string Protect(string purpose, ReadOnlySpan<byte> secret);

    byte[] Unprotect(string purpose, string protectedValue);
}
