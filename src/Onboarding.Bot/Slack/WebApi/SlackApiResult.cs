using System.Diagnostics.CodeAnalysis;

namespace Onboarding.Bot.Slack.WebApi;

/// <summary>The outcome of a Slack Web API call: a value, or a typed <see cref="SlackApiError"/>.</summary>
public sealed class SlackApiResult<T>
{
    private SlackApiResult(T? value, SlackApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SlackApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static SlackApiResult<T> Success(T value) => new(value, null);

    public static SlackApiResult<T> Failure(SlackApiError error) => new(default, error);

    public static implicit operator SlackApiResult<T>(SlackApiError error) => Failure(error);
}
