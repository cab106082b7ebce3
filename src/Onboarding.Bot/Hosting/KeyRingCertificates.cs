using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// The key ring's certificates, loaded and checked once at start-up. Every problem is reported by its setting's key, and
/// all of them at once; a certificate that could encrypt but never decrypt again (no private key) is refused.
/// </summary>
public sealed class KeyRingCertificates : IDisposable
{
    private KeyRingCertificates(X509Certificate2? current, IReadOnlyList<X509Certificate2> decrypting)
    {
        Current = current;
        Decrypting = decrypting;
    }

    /// <summary>The certificate new keys are encrypted with; null when the key ring is not protected.</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Every certificate keys may be decrypted with: the current one and the previous ones.</summary>
    public IReadOnlyList<X509Certificate2> Decrypting { get; }

    /// <summary>Loads what <paramref name="options"/> names; throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static KeyRingCertificates Load(KeyRingOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var current = options.Certificate.IsSet ? TryLoad(options.Certificate, $"{KeyRingOptions.SectionName}:Certificate", contentRoot, errors) : null;
        var previous = options.PreviousCertificates
            .Select((p, i) => TryLoad(p, $"{KeyRingOptions.SectionName}:PreviousCertificates:{i}", contentRoot, errors))
            .OfType<X509Certificate2>()
            .ToList();
        if (!options.Certificate.IsSet && previous.Count > 0)
        {
            errors.Add($"{KeyRingOptions.SectionName}:PreviousCertificates is set but {KeyRingOptions.SectionName}:Certificate is not: new keys would be stored unencrypted. Set the current certificate too.");
        }

        if (errors.Count > 0)
        {
            current?.Dispose();
            previous.ForEach(c => c.Dispose());
            throw new OptionsValidationException(KeyRingOptions.SectionName, typeof(KeyRingOptions), errors);
        }

        return new KeyRingCertificates(current, current is null ? previous : [current, .. previous]);
    }

    public void Dispose()
    {
        foreach (var certificate in Decrypting)
        {
            certificate.Dispose();
        }
    }

    private static X509Certificate2? TryLoad(KeyRingCertificateOptions settings, string key, string contentRoot, List<string> errors)
    {
        var hasPath = !string.IsNullOrWhiteSpace(settings.Path);
        var hasThumbprint = !string.IsNullOrWhiteSpace(settings.Thumbprint);
        if (hasPath == hasThumbprint)
        {
            errors.Add($"{key}: set either Path (a .pfx file, with Password) or Thumbprint (a certificate in the store){(hasPath ? ", not both" : string.Empty)}.");
            return null;
        }

        var certificate = hasPath ? FromFile(settings, key, contentRoot, errors) : FromStore(settings, key, errors);
        if (certificate is null)
        {
            return null;
        }

        var problem = !certificate.HasPrivateKey
            ? "has no private key: keys encrypted with it could never be decrypted again"
            : certificate.GetRSAPublicKey() is null
                ? "is not an RSA certificate: Data Protection encrypts the key ring with RSA keys only"
                : null;
        if (problem is null)
        {
            return certificate;
        }

        errors.Add($"{key}: the certificate {certificate.Subject} ({certificate.Thumbprint}) {problem}.");
        certificate.Dispose();
        return null;
    }

    private static X509Certificate2? FromFile(KeyRingCertificateOptions settings, string key, string contentRoot, List<string> errors)
    {
        var path = Path.GetFullPath(settings.Path!, contentRoot);
        if (!File.Exists(path))
        {
            errors.Add($"{key}:Path '{path}' does not exist.");
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, settings.Password);
        }
        catch (CryptographicException)
        {
            errors.Add($"{key}:Path '{path}' could not be opened: {key}:Password is wrong, or the file is not PKCS#12 (.pfx).");
            return null;
        }
    }

    private static X509Certificate2? FromStore(KeyRingCertificateOptions settings, string key, List<string> errors)
    {
        var thumbprint = string.Concat(settings.Thumbprint!.Where(char.IsAsciiHexDigit)).ToUpperInvariant();
        try
        {
            using var store = new X509Store(settings.StoreName, settings.StoreLocation);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count == 0)
            {
                errors.Add($"{key}:Thumbprint {thumbprint} is not in the {settings.StoreLocation}/{settings.StoreName} certificate store.");
                return null;
            }

            return found[0];
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            errors.Add($"{key}: the {settings.StoreLocation}/{settings.StoreName} certificate store cannot be opened here ({e.Message}); use {key}:Path instead.");
            return null;
        }
    }
}
