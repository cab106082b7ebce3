using System.Diagnostics;

namespace Onboarding.Bot.Telemetry;

/// <summary>
/// Keeps query strings out of spans: the OAuth callbacks' queries carry authorization codes and state
/// (https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2), and no query the bot sends or receives is needed to read a trace.
/// The instrumentations redact query values by default; these drop the query altogether, whatever that default becomes.
/// </summary>
internal static class TelemetryRedaction
{
    // Attribute names from the OpenTelemetry HTTP semantic conventions: https://opentelemetry.io/docs/specs/semconv/http/http-spans/
    private const string UrlQuery = "url.query";
    private const string UrlFull = "url.full";

    /// <summary>Inbound requests: <c>url.query</c> removed.</summary>
    public static void DropQuery(Activity span) => span.SetTag(UrlQuery, null);

    /// <summary>Outbound requests: <c>url.full</c> without its query.</summary>
    public static void DropQuery(Activity span, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true, Query.Length: > 0 } uri)
        {
            span.SetTag(UrlFull, uri.GetLeftPart(UriPartial.Path));
        }
    }
}
