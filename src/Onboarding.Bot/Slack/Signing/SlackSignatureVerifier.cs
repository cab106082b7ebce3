using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Onboarding.Bot.Slack.Signing;

/// <summary>
/// Slack's v0 request signing: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the signing secret,
/// compared in constant time, within a replay window.
/// </summary>
public sealed class SlackSignatureVerifier(byte[] signingSecret, TimeProvider timeProvider)
{
    private const string Version = "v0";
    private const string Prefix = "v0=";

    /// <summary>How old a request may be; Slack's own recommendation.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of our clock a request may be. Stricter than Bolt, which accepts any future time.</summary>
    public static readonly TimeSpan MaxSkewAhead = TimeSpan.FromMinutes(1);

    public static SlackSignatureVerifier Create(string signingSecret, TimeProvider timeProvider) =>
        new(Encoding.UTF8.GetBytes(signingSecret), timeProvider);

    /// <summary>Checks the two headers against the raw body bytes exactly as received.</summary>
    public SlackSignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var headers = CheckHeaders(timestampHeader, signatureHeader);
        if (headers != SlackSignatureCheck.Valid || timestampHeader is null || signatureHeader is null)
        {
            return headers;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(timestampHeader, body, expected);
        var presented = signatureHeader.AsSpan(Prefix.Length);
        Span<byte> presentedBytes = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (presented.Length != presentedBytes.Length * 2
            || Convert.FromHexString(presented, presentedBytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != presentedBytes.Length)
        {
            return SlackSignatureCheck.Mismatch;
        }

        return CryptographicOperations.FixedTimeEquals(expected, presentedBytes) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }

    /// <summary>
    /// What the headers alone decide — missing, malformed, stale, from the future, not a v0 signature — so that such a
    /// request is refused before its body is read. <see cref="SlackSignatureCheck.Valid"/> here means "now check the body".
    /// </summary>
    public SlackSignatureCheck CheckHeaders(string? timestampHeader, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SlackSignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureCheck.MalformedTimestamp;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < now - (long)MaxAge.TotalSeconds)
        {
            return SlackSignatureCheck.Stale;
        }

        if (seconds > now + (long)MaxSkewAhead.TotalSeconds)
        {
            return SlackSignatureCheck.FromTheFuture;
        }

        return signatureHeader.StartsWith(Prefix, StringComparison.Ordinal) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }

    /// <summary>The <c>X-Slack-Signature</c> value Slack would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(timestamp, body, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var header = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, signingSecret);
        hmac.AppendData(header);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
