using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Onboarding.NetSuiteSandbox.Tests.Infrastructure;

/// <summary>A key pair and self-signed certificate made for one test, as a vendor's backend would make them.</summary>
public sealed class TestKey : IDisposable
{
    private TestKey(AsymmetricAlgorithm key, string certificatePem)
    {
        Key = key;
        CertificatePem = certificatePem;
    }

    public AsymmetricAlgorithm Key { get; }
    public string CertificatePem { get; }

    public static TestKey Ec(ECCurve? curve = null, int validDays = 365, DateTimeOffset? notBefore = null)
    {
        var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=onboarding-test", key, HashAlgorithmName.SHA256);
        return Create(key, request, validDays, notBefore);
    }

    public static TestKey Rsa(int bits = 3072, int validDays = 365)
    {
        var key = RSA.Create(bits);
        var request = new CertificateRequest("CN=onboarding-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return Create(key, request, validDays, null);
    }

    public string PrivateKeyPem => Key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => Key.Dispose();

    private static TestKey Create(AsymmetricAlgorithm key, CertificateRequest request, int validDays, DateTimeOffset? notBefore)
    {
        var from = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        using var certificate = request.CreateSelfSigned(from, from.AddDays(validDays));
        return new TestKey(key, certificate.ExportCertificatePem());
    }
}
