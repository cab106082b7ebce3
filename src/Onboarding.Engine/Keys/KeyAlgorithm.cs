namespace Onboarding.Engine.Keys;

/// <summary>The key types NetSuite accepts for client-credentials certificates (EC P-256/384/521, RSA 3072/4096; RSA signs with PSS).</summary>
public enum KeyAlgorithm
{
    EcP256,
    EcP384,
    EcP521,
    Rsa3072,
    Rsa4096,
}
