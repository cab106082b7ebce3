namespace Onboarding.Bot.Slack.WebApi;

/// <summary>Thrown where a Slack failure cannot be returned as a value (the publisher's Task contract); carries the typed error.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, SlackApiError error)
        : base($"Slack {method} failed: {error.Code} ({error.Kind}).")
    {
        Method = method;
        Error = error;
    }

    public string Method { get; }

    public SlackApiError Error { get; }
}
