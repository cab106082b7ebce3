using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Onboarding.Bot.Tests.Storage;

/// <summary>A self-signed certificate written as a password-protected .pfx, as an operator would deploy one.</summary>
internal static class TestCertificate
{
    public const string Password = "pfx-password-for-tests";

    /// <summary>Writes a certificate with a <paramref name="rsa"/> (else ECDSA) key to <paramref name="path"/> and returns its thumbprint.</summary>
    public static string Write(string path, bool rsa = true, bool withPrivateKey = true)
    {
        using var certificate = rsa ? RsaCertificate() : EcdsaCertificate();
        File.WriteAllBytes(path, withPrivateKey ? certificate.Export(X509ContentType.Pfx, Password) : certificate.Export(X509ContentType.Cert));
        return certificate.Thumbprint;
    }

    private static X509Certificate2 RsaCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Onboarding key ring (tests)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 EcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Onboarding key ring ECDSA (tests)", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
