namespace Onboarding.Engine.Keys;

/// <summary>Creates a tenant's key pair and self-signed X.509 v3 certificate.</summary>
public interface IKeyMaterialFactory
{
    /// <summary>A new key pair and certificate whose subject names the app and the account; validity is capped at 730 days.</summary>
    TenantKeyMaterial Create(KeyAlgorithm algorithm, string accountId, TimeSpan validity);
}

/// <summary>A generated key pair: the certificate (public, PEM) and the private key (PKCS#8 DER, to be protected before storing).</summary>
public sealed record TenantKeyMaterial(KeyAlgorithm Algorithm, string CertificatePem, byte[] PrivateKeyPkcs8, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public override string ToString() => $"TenantKeyMaterial {{ Algorithm = {Algorithm}, NotAfter = {NotAfter:yyyy-MM-dd} }}";
}
