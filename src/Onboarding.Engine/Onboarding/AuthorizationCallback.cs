using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Onboarding;

/// <summary>The query parameters NetSuite's redirect brings back to <c>/oauth/netsuite/callback</c>, as received (unvalidated).</summary>
public sealed record AuthorizationCallback(
    string? State,
    string? Code,
    string? Role,
    string? Entity,
    string? Company,
    string? Error,
    string? ErrorDescription)
{
    public override string ToString() => $"AuthorizationCallback {{ Company = {Company}, Role = {Role}, Entity = {Entity}, Error = {Error} }}";
}

/// <summary>
/// What the browser tab shows after the redirect: success or not, a short title and one message — phrases, said in the
/// language of <see cref="Conversation"/> when the sign-in belongs to one (the person who started it), else in the
/// browser's.
/// </summary>
public sealed record AuthorizationCallbackResult(bool Succeeded, Phrase Title, Phrase Message)
{
    /// <summary>The conversation the sign-in was started from, when the link led to one.</summary>
    public ConversationKey? Conversation { get; init; }
}

/// <summary>The host's OAuth callback endpoint hands the redirect to this; the conversation is continued from here.</summary>
public interface IAuthorizationCallbackHandler
{
    Task<AuthorizationCallbackResult> HandleAsync(AuthorizationCallback callback, CancellationToken cancellationToken);
}
