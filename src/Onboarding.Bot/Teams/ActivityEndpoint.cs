using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Security;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Teams;

/// <summary>
/// <c>POST /api/messages</c> in the order that keeps unauthenticated input cheap (docs/security.md): with a
/// <c>MicrosoftAppId</c>, the channel token in the headers is checked before a byte of the body is read; then the body is
/// read up to <see cref="BodyLimits.Activity"/>, parsed and checked (<see cref="ActivityCheck"/>); only then does the
/// Bot Framework adapter run — and it checks the token again, now with the activity (its <c>serviceurl</c> claim).
/// </summary>
internal sealed class ActivityEndpoint(
    IBotFrameworkHttpAdapter adapter,
    BotFrameworkAuthentication authentication,
    IOptions<MicrosoftAppOptions> app,
    IOptions<BotOptions> bot,
    ILogger<ActivityEndpoint> logger)
{
    // How long a caller is asked to wait when the token cannot be checked for now.
    private const string RetryAfterSeconds = "30";

    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = 64 });

    public async Task HandleAsync(HttpContext context, IBot handler)
    {
        var request = context.Request;
        var response = context.Response;
        var anonymous = app.Value.IsAnonymous;
        try
        {
            if (!anonymous && await AuthenticateHeadersAsync(request.Headers.Authorization.ToString(), context.RequestAborted).ConfigureAwait(false) is var status
                && status != StatusCodes.Status200OK)
            {
                response.StatusCode = status;
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    response.Headers.RetryAfter = RetryAfterSeconds;
                }

                return;
            }

            var body = await CappedBody.ReadAsync(request, BodyLimits.Activity, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                Refuse(response, StatusCodes.Status413PayloadTooLarge, "body longer than the activity limit");
                return;
            }

            if (ActivityCheck.Problem(Parse(body), anonymous, bot.Value.ServedChannels) is { } problem)
            {
                Refuse(response, problem.Status, problem.Reason);
                return;
            }

            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
            await adapter.ProcessAsync(request, response, handler, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (IsIdentityModelRejection(e) && !response.HasStarted)
        {
            // The adapter turns only UnauthorizedAccessException into 401; a badly signed, malformed or otherwise invalid
            // channel token surfaces as IdentityModel's own exceptions.
            ChannelTokenRejected(logger, e.GetType().Name);
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>
    /// Validates the channel token from the Authorization header alone (signature, issuer, audience, lifetime,
    /// endorsement) — the Bot Framework's check for requests that carry no activity yet — and answers 200, 401, or 503 when
    /// the token cannot be checked at all (the OpenID metadata is unreachable): neither accepted nor a server bug. A key
    /// endorsed for one served channel is enough here; the adapter checks the activity's own channel afterwards.
    /// </summary>
    private async Task<int> AuthenticateHeadersAsync(string authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            ChannelTokenRejected(logger, "no Authorization header");
            return StatusCodes.Status401Unauthorized;
        }

        Exception? rejection = null;
        foreach (var channel in bot.Value.ServedChannels)
        {
            try
            {
                await authentication.AuthenticateStreamingRequestAsync(authorization, channel, cancellationToken).ConfigureAwait(false);
                return StatusCodes.Status200OK;
            }
            catch (Exception e) when (IsTokenRejection(e))
            {
                rejection = e;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ChannelMetadataUnavailable(logger, e.GetType().Name);
                return StatusCodes.Status503ServiceUnavailable;
            }
        }

        ChannelTokenRejected(logger, rejection?.GetType().Name ?? "no channel");
        return StatusCodes.Status401Unauthorized;
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(body)));
            return Json.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Refuse(HttpResponse response, int status, string reason)
    {
        ActivityRefused(logger, reason);
        response.StatusCode = status;
    }

    // A token refused while checking the headers: not authorized, not a token at all, or invalid by IdentityModel's rules.
    private static bool IsTokenRejection(Exception e) => e is UnauthorizedAccessException or ArgumentException || IsIdentityModelRejection(e);

    private static bool IsIdentityModelRejection(Exception e) => e.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true;
}
