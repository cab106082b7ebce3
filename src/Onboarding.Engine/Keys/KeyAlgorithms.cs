using System.Security.Cryptography;

namespace Onboarding.Engine.Keys;

/// <summary>What each KeyAlgorithm means for signing: the JWT algorithm, and loading its PKCS#8 private key into .NET.</summary>
public static class KeyAlgorithms
{
    public static bool IsRsa(this KeyAlgorithm algorithm) => algorithm is KeyAlgorithm.Rsa3072 or KeyAlgorithm.Rsa4096;

    /// <summary>
    /// The JWS algorithm for a client assertion: ES256/384/512 by curve; PS256 for RSA (NetSuite refuses RS256, and
    /// Oracle's own RSA-PSS sample signs PS256 with a 4096-bit key).
    /// </summary>
    public static string JwsAlgorithm(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => "ES256",
        KeyAlgorithm.EcP384 => "ES384",
        KeyAlgorithm.EcP521 => "ES512",
        KeyAlgorithm.Rsa3072 or KeyAlgorithm.Rsa4096 => "PS256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
    };

    /// <summary>The key size in bits (the curve's field size for EC).</summary>
    public static int KeySize(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => 256,
        KeyAlgorithm.EcP384 => 384,
        KeyAlgorithm.EcP521 => 521,
        KeyAlgorithm.Rsa3072 => 3072,
        KeyAlgorithm.Rsa4096 => 4096,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
    };

    /// <summary>
    /// Loads a PKCS#8 private key as <see cref="RSA"/> or <see cref="ECDsa"/> (the caller disposes it).
    /// Throws when the key is not of the stated algorithm: stored key material that disagrees with itself is a bug.
    /// </summary>
    public static AsymmetricAlgorithm ImportPrivateKey(this KeyAlgorithm algorithm, ReadOnlySpan<byte> pkcs8)
    {
        AsymmetricAlgorithm key = algorithm.IsRsa() ? RSA.Create() : ECDsa.Create();
        try
        {
            switch (key)
            {
                case RSA rsa:
                    rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                    break;
                case ECDsa ec:
                    ec.ImportPkcs8PrivateKey(pkcs8, out _);
                    break;
            }

            if (key.KeySize != algorithm.KeySize())
            {
                throw new CryptographicException($"The private key is {key.KeySize} bits, but its algorithm is recorded as {algorithm}.");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
