using System.Buffers;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Signing;

/// <summary>
/// Runs before any Slack endpoint's handler: reads the raw body (bounded), verifies the signature and hands the
/// handler a <see cref="VerifiedSlackRequest"/>. Handlers take no bound parameters, so nothing reads the body first.
/// </summary>
internal sealed class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    // Slack's payloads are a few kilobytes; refusing anything large keeps unauthenticated input cheap.
    private const int MaxBodyBytes = 256 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            SlackRequestRefused(logger, http.Request.Path, "body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(http.Request.Headers[TimestampHeader], http.Request.Headers[SignatureHeader], body);
        if (check != SlackSignatureCheck.Valid)
        {
            SlackRequestRefused(logger, http.Request.Path, check.ToString());
            return Results.Unauthorized();
        }

        http.Features.Set(new VerifiedSlackRequest(body));
        return await next(context).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
