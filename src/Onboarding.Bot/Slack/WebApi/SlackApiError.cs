namespace Onboarding.Bot.Slack.WebApi;

/// <summary>An expected Slack Web API failure: Slack's error code (<c>channel_not_found</c>), classified for the caller.</summary>
/// <param name="Kind">What the caller can do about it.</param>
/// <param name="Code">Slack's <c>error</c> string, or a local code (<c>http_503</c>, <c>network</c>, <c>not_installed</c>).</param>
/// <param name="HttpStatus">The HTTP status, when Slack answered.</param>
/// <param name="Needed">For <c>missing_scope</c>: the scope Slack asked for.</param>
/// <param name="RetryAfter">For rate limiting: how long Slack asked us to wait.</param>
public sealed record SlackApiError(SlackApiErrorKind Kind, string Code, int? HttpStatus = null, string? Needed = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Classifies one of Slack's <c>ok:false</c> error codes.</summary>
    public static SlackApiError FromCode(string code, string? needed = null) => new(Classify(code), code, 200, needed);

    private static SlackApiErrorKind Classify(string code) => code switch
    {
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" or "not_installed"
            => SlackApiErrorKind.NotAuthorized,
        "missing_scope" or "no_permission" => SlackApiErrorKind.MissingScope,
        "channel_not_found" or "not_in_channel" or "is_archived" or "user_not_in_channel" => SlackApiErrorKind.ChannelUnavailable,
        "message_not_found" or "cant_update_message" or "edit_window_closed" => SlackApiErrorKind.MessageGone,
        "ratelimited" => SlackApiErrorKind.RateLimited,
        "invalid_code" or "code_already_used" or "bad_redirect_uri" or "oauth_authorization_url_mismatch" or "invalid_client_id" or "bad_client_secret"
            => SlackApiErrorKind.OAuthRefused,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => SlackApiErrorKind.Unavailable,
        _ => SlackApiErrorKind.Refused,
    };
}

/// <summary>Why a Slack Web API call failed, in the terms the bot acts on.</summary>
public enum SlackApiErrorKind
{
    /// <summary>The token is wrong, revoked, or the workspace has no installation.</summary>
    NotAuthorized,

    /// <summary>The app lacks a scope; reinstall with the manifest's scopes.</summary>
    MissingScope,

    /// <summary>The channel is gone, archived, or the bot is not in it.</summary>
    ChannelUnavailable,

    /// <summary>The message to update no longer exists or can no longer be edited.</summary>
    MessageGone,

    /// <summary>429 even after honouring <c>Retry-After</c>.</summary>
    RateLimited,

    /// <summary>The OAuth code exchange was refused.</summary>
    OAuthRefused,

    /// <summary>Slack answered 5xx or not at all in time.</summary>
    Unavailable,

    /// <summary>The connection failed before Slack answered.</summary>
    Network,

    /// <summary>Slack refused the request for another reason (see <see cref="SlackApiError.Code"/>).</summary>
    Refused,
}
