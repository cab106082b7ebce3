using Microsoft.Extensions.DependencyInjection;

namespace Onboarding.Engine.Http;

/// <summary>How the product's outbound HttpClients are built.</summary>
public static class HttpClientBuilderExtensions
{
    /// <summary>
    /// Makes the client's handler keep no cookies. Every tenant's calls go through the same pooled handler, and the
    /// factory's default handler keeps the cookies answers set and sends them with every later request to the host,
    /// domain and path they name (RFC 6265 §5.4): a cookie set during one tenant's call — on a host all tenants share,
    /// like slack.com or the NetSuite sandbox, or for a parent domain — would ride along on other tenants' calls. The
    /// APIs these clients call authenticate each request by its bearer token or client assertion and need no session.
    /// </summary>
    public static IHttpClientBuilder KeepNoCookies(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            // The factory's default is an HttpClientHandler; a host may have chosen sockets directly (or, in a test, a stand-in).
            switch (handler)
            {
                case HttpClientHandler client: client.UseCookies = false; break;
                case SocketsHttpHandler sockets: sockets.UseCookies = false; break;
            }
        });
}
