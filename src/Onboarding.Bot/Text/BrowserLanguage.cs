using Microsoft.Net.Http.Headers;
using Onboarding.Engine.Language;

namespace Onboarding.Bot.Text;

/// <summary>
/// The language a browser asks for (<c>Accept-Language</c>, RFC 9110 §12.5.4), for pages nobody's chat told us about: the
/// shipped language with the highest weight, else English. Malformed headers count as absent.
/// </summary>
internal static class BrowserLanguage
{
    /// <summary>How many language ranges are looked at; a browser sends a handful.</summary>
    private const int MaxRanges = 16;

    /// <summary>The locale tag to speak, or null when the browser names no shipped language.</summary>
    public static string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            return null;
        }

        return ranges
            .Take(MaxRanges)
            .Where(r => r.Quality is not 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => r.Value.Value)
            .FirstOrDefault(tag => Languages.Shipped(tag) is not null);
    }
}
