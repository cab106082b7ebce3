namespace Onboarding.Bot.Slack.Signing;

/// <summary>The outcome of checking a Slack request's signature; anything but <see cref="Valid"/> is refused.</summary>
public enum SlackSignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    Stale,
    FromTheFuture,
    Mismatch,
}
