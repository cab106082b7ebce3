using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.NetSuiteSandbox.Certificates;

/// <summary>A parsed upload: the X.509 certificate, its public key and NetSuite's key rules (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_162755332391.html).</summary>
internal sealed record UploadedCertificate(string CertificateId, string Algorithm, AsymmetricAlgorithm PublicKey, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Pem)
{
    private static readonly int[] RsaSizes = [3072, 4096];
    private static readonly int[] EcSizes = [256, 384, 521];

    /// <summary>Parses PEM text; the error names what is wrong in NetSuite-like words.</summary>
    public static (UploadedCertificate? Certificate, string? Error) Parse(string? fileContent)
    {
        if (string.IsNullOrWhiteSpace(fileContent))
        {
            return (null, "fileContent is required.");
        }

        if (fileContent.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return (null, "The file contains a private key. Upload only the public certificate.");
        }

        if (!PemEncoding.TryFind(fileContent, out var fields) || fileContent[fields.Label] is not "CERTIFICATE")
        {
            return (null, "The file is not a PEM-encoded x.509 certificate.");
        }

        X509Certificate2 certificate;
        byte[] der;
        try
        {
            der = Convert.FromBase64String(fileContent[fields.Base64Data]);
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return (null, "The file is not a valid x.509 certificate.");
        }

        using (certificate)
        {
            AsymmetricAlgorithm? key = certificate.GetRSAPublicKey();
            var algorithm = "RSA";
            if (key is null)
            {
                key = certificate.GetECDsaPublicKey();
                algorithm = "EC";
            }

            var sizes = algorithm == "RSA" ? RsaSizes : EcSizes;
            if (key is null || !sizes.Contains(key.KeySize))
            {
                key?.Dispose();
                return (null, "The key must be RSA 3072 or 4096 bits, or EC P-256, P-384 or P-521.");
            }

            var id = WebEncoders.Base64UrlEncode(SHA256.HashData(der));
            var pem = PemEncoding.WriteString("CERTIFICATE", der);
            return (new UploadedCertificate(id, algorithm, key, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), pem), null);
        }
    }
}
