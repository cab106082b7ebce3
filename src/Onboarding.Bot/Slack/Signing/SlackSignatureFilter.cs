using Onboarding.Bot.Security;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Signing;

/// <summary>
/// Runs before any Slack endpoint's handler: refuses what the headers alone condemn, reads the raw body (bounded),
/// verifies the signature and hands the handler a <see cref="VerifiedSlackRequest"/>. Handlers take no bound parameters,
/// so nothing reads the body first.
/// </summary>
internal sealed class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? timestamp = http.Request.Headers[TimestampHeader];
        string? signature = http.Request.Headers[SignatureHeader];
        var headers = verifier.CheckHeaders(timestamp, signature);
        if (headers != SlackSignatureCheck.Valid)
        {
            SlackRequestRefused(logger, http.Request.Path, headers.ToString());
            return Results.Unauthorized();
        }

        // The signature covers the raw body, so it is read next — never more than Slack's limit, keeping unsigned input cheap.
        var body = await CappedBody.ReadAsync(http.Request, BodyLimits.Slack, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            SlackRequestRefused(logger, http.Request.Path, "body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(timestamp, signature, body);
        if (check != SlackSignatureCheck.Valid)
        {
            SlackRequestRefused(logger, http.Request.Path, check.ToString());
            return Results.Unauthorized();
        }

        http.Features.Set(new VerifiedSlackRequest(body));
        return await next(context).ConfigureAwait(false);
    }
}
