using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Onboarding.Engine.Keys.Internal;

/// <summary>
/// Generates tenant key pairs and self-signed X.509 v3 certificates with BouncyCastle (docs/netsuite.md §3.4):
/// RSA 3072/4096 or EC P-256/384/521, validity capped at 730 days, a random serial.
/// </summary>
internal sealed class BouncyCastleKeyMaterialFactory(
    IOptions<NetSuiteOptions> options,
    TimeProvider timeProvider,
    ILogger<BouncyCastleKeyMaterialFactory> logger) : IKeyMaterialFactory
{
    private static readonly TimeSpan MaxValidity = TimeSpan.FromDays(NetSuiteOptions.MaxCertificateValidityDays);

    // Tolerates a NetSuite clock slightly behind ours when it checks the certificate's start.
    private static readonly TimeSpan NotBeforeBackdate = TimeSpan.FromMinutes(5);

    private static readonly SecureRandom Random = new();

    public TenantKeyMaterial Create(KeyAlgorithm algorithm, string accountId, TimeSpan validity)
    {
        var account = AccountId.Parse(accountId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        var capped = validity > MaxValidity ? MaxValidity : validity;

        var keyPair = GenerateKeyPair(algorithm);
        var now = timeProvider.GetUtcNow();
        var notBefore = TruncateToSeconds(now - NotBeforeBackdate);
        var notAfter = TruncateToSeconds(now + capped);
        var subject = Subject(options.Value.CertificateSubjectName, account);

        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, RandomNumberGenerator.GetBytes(16)));
        generator.SetIssuerDN(subject);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetPublicKey(keyPair.Public);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(keyPair.Public));
        var certificate = generator.Generate(new Asn1SignatureFactory(CertificateSignatureAlgorithm(algorithm), keyPair.Private, Random));

        var pem = PemEncoding.WriteString("CERTIFICATE", certificate.GetEncoded());
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(keyPair.Private).GetDerEncoded();
        Log.KeyMaterialCreated(logger, algorithm, account.Value, notAfter);
        return new TenantKeyMaterial(algorithm, pem, pkcs8, notBefore, notAfter);
    }

    private static AsymmetricCipherKeyPair GenerateKeyPair(KeyAlgorithm algorithm)
    {
        if (algorithm.IsRsa())
        {
            // RSA primes come from the platform (OpenSSL/CNG): BouncyCastle's managed search takes tens of seconds for
            // 4096 bits on a small machine. BouncyCastle still builds and signs the certificate and encodes the key.
            using var rsa = RSA.Create(algorithm.KeySize());
            return DotNetUtilities.GetRsaKeyPair(rsa);
        }

        // A named curve, so the PKCS#8 and the certificate carry the curve's OID (what .NET and NetSuite expect).
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(CurveOid(algorithm), Random));
        return generator.GenerateKeyPair();
    }

    private static DerObjectIdentifier CurveOid(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => SecObjectIdentifiers.SecP256r1,
        KeyAlgorithm.EcP384 => SecObjectIdentifiers.SecP384r1,
        KeyAlgorithm.EcP521 => SecObjectIdentifiers.SecP521r1,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an EC algorithm."),
    };

    // RSA certificates are self-signed with PSS, as in Oracle's sample; EC with the hash matching the curve.
    private static string CertificateSignatureAlgorithm(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => "SHA256withECDSA",
        KeyAlgorithm.EcP384 => "SHA384withECDSA",
        KeyAlgorithm.EcP521 => "SHA512withECDSA",
        KeyAlgorithm.Rsa3072 or KeyAlgorithm.Rsa4096 => "SHA256withRSAandMGF1",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
    };

    // Built from parts rather than parsed from a string, so a configured app name with commas or '=' cannot alter the DN.
    private static X509Name Subject(string appName, AccountId account) => new(
        [X509Name.CN, X509Name.O],
        new Dictionary<DerObjectIdentifier, string>
        {
            [X509Name.CN] = $"{appName} ({account.Value})",
            [X509Name.O] = appName,
        });

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
