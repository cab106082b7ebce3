using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.Keys;

public sealed class KeyMaterialFactoryTests
{
    public static TheoryData<KeyAlgorithm> Algorithms => new(Enum.GetValues<KeyAlgorithm>());

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Certificate_is_a_self_signed_v3_certificate_naming_the_app_and_account(KeyAlgorithm algorithm)
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        var material = host.Get<IKeyMaterialFactory>().Create(algorithm, "1234567_sb1", TimeSpan.FromDays(365));

        Assert.DoesNotContain("PRIVATE KEY", material.CertificatePem);
        using var certificate = X509Certificate2.CreateFromPem(material.CertificatePem);
        Assert.Equal(3, certificate.Version);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.Contains("NetSuite Onboarding (1234567_SB1)", certificate.Subject);
        Assert.Equal(material.NotBefore, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
        Assert.Equal(material.NotAfter, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        Assert.Equal(algorithm.KeySize(), algorithm.IsRsa() ? certificate.GetRSAPublicKey()!.KeySize : certificate.GetECDsaPublicKey()!.KeySize);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Private_key_round_trips_through_PKCS8_and_signs_for_the_certificates_public_key(KeyAlgorithm algorithm)
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var material = host.Get<IKeyMaterialFactory>().Create(algorithm, "1234567_SB1", TimeSpan.FromDays(30));
        using var certificate = X509Certificate2.CreateFromPem(material.CertificatePem);
        var data = Encoding.UTF8.GetBytes("proof of possession");

        using var privateKey = algorithm.ImportPrivateKey(material.PrivateKeyPkcs8);

        var verified = privateKey switch
        {
            RSA rsa => certificate.GetRSAPublicKey()!.VerifyData(data, rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss), HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            ECDsa ec => certificate.GetECDsaPublicKey()!.VerifyData(data, ec.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256),
            _ => false,
        };
        Assert.True(verified);
    }

    [Fact]
    public void Validity_beyond_730_days_is_capped()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        var material = host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, "1234567", TimeSpan.FromDays(1000));

        Assert.Equal(host.Time.GetUtcNow().AddDays(730), material.NotAfter);
    }

    [Fact]
    public void Serial_numbers_are_random()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var factory = host.Get<IKeyMaterialFactory>();

        using var first = X509Certificate2.CreateFromPem(factory.Create(KeyAlgorithm.EcP256, "1234567", TimeSpan.FromDays(1)).CertificatePem);
        using var second = X509Certificate2.CreateFromPem(factory.Create(KeyAlgorithm.EcP256, "1234567", TimeSpan.FromDays(1)).CertificatePem);

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.True(first.SerialNumberBytes.Length >= 15);
    }

    [Fact]
    public void A_bad_account_id_is_refused()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        Assert.Throws<FormatException>(() => host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, "x.evil.com", TimeSpan.FromDays(1)));
    }

    [Fact]
    public void A_key_of_another_algorithm_is_not_loaded()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var material = host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP384, "1234567", TimeSpan.FromDays(1));

        Assert.ThrowsAny<CryptographicException>(() => KeyAlgorithm.EcP256.ImportPrivateKey(material.PrivateKeyPkcs8));
    }
}
