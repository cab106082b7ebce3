namespace Onboarding.Bot.Security;

/// <summary>
/// Every HTML page this host serves goes out through here, with the same headers: never cached (pages answer addresses
/// that carried codes or states), no referrer, no sniffing, and a content security policy that loads nothing and may not
/// be framed. Callers pass finished HTML whose every outside value is already encoded.
/// </summary>
internal static class HtmlPage
{
    /// <summary>The policy: inline styles only; no scripts, images, frames, forms or base URLs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IResult Result(string html, int status) => new PageResult(html, status);

    /// <summary>The headers every page (and every redirect that carries a state) gets.</summary>
    public static void ApplyHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            ApplyHeaders(response);
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
