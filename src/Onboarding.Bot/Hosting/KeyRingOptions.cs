using System.Security.Cryptography.X509Certificates;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// Settings section <c>DataProtection</c>: the certificate that encrypts the Data Protection key ring at rest
/// (<see href="https://learn.microsoft.com/aspnet/core/security/data-protection/configuration/overview#protectkeyswithcertificate"/>).
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Encrypts new keys and decrypts existing ones. Unset: keys are stored unencrypted (a warning outside Development).</summary>
    public KeyRingCertificateOptions Certificate { get; set; } = new();

    /// <summary>Certificates that only decrypt: the ones used before a rotation, kept until every key they protect has expired.</summary>
    public List<KeyRingCertificateOptions> PreviousCertificates { get; set; } = [];
}

/// <summary>One RSA certificate with its private key, from a PKCS#12 file or from a certificate store.</summary>
public sealed class KeyRingCertificateOptions
{
    /// <summary>A .pfx (PKCS#12) file; a relative path is resolved against the content root.</summary>
    public string? Path { get; set; }

    /// <summary>The password of <see cref="Path"/>. Keep it in an environment variable or secret store, never in a committed file.</summary>
    public string? Password { get; set; }

    /// <summary>The SHA-1 thumbprint of a certificate in <see cref="StoreLocation"/>/<see cref="StoreName"/> (instead of <see cref="Path"/>).</summary>
    public string? Thumbprint { get; set; }

    public StoreName StoreName { get; set; } = StoreName.My;

    public StoreLocation StoreLocation { get; set; } = StoreLocation.CurrentUser;

    public bool IsSet => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}
