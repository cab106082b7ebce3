using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Security;

/// <summary>
/// How large a request body each endpoint accepts (docs/security.md, "Limits"): declared per endpoint with
/// <see cref="WithBodyLimit{TBuilder}"/>, <see cref="Default"/> for every other. A declared length over the limit is answered
/// 413 before anything reads the body; a body that turns out longer stops being read at the limit.
/// </summary>
public static class BodyLimits
{
    /// <summary>Every endpoint that declares nothing (pages, health): none of them reads a body.</summary>
    public const long Default = 16 * 1024;

    /// <summary>A Bot Framework activity. Teams caps a message at about 28 KB; the envelope adds a few kilobytes.</summary>
    public const long Activity = 128 * 1024;

    /// <summary>A Slack request: an interaction carries its whole message (up to 50 blocks of 3,000 characters).</summary>
    public const long Slack = 256 * 1024;

    /// <summary>The largest of the above, Kestrel's own limit: a backstop for anything that reads before the endpoint runs.</summary>
    public const long Largest = Slack;

    /// <summary>Gives the endpoints of <paramref name="builder"/> a body limit of <paramref name="maxBytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Largest);
        return builder.WithMetadata(new BodyLimit(maxBytes));
    }

    /// <summary>Kestrel's limit (<see cref="Largest"/>); registered with the host's other edge settings.</summary>
    internal static void ConfigureKestrel(KestrelServerOptions kestrel) => kestrel.Limits.MaxRequestBodySize = Largest;

    /// <summary>Applies the endpoint's limit to the request, refusing a declared length over it with 413.</summary>
    internal static async Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.MaxBytes ?? Default;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            RequestBodyTooLarge(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BodyLimits)), context.Request.Path, limit);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Endpoint metadata: the largest body the endpoint accepts, in bytes.</summary>
    internal sealed record BodyLimit(long MaxBytes);
}
