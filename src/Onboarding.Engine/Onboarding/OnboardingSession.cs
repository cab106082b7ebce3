using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// One onboarding of one NetSuite account, owned by the conversation it was started in. Immutable: a transition
/// produces a new value, persisted with optimistic concurrency on <see cref="Version"/>.
/// </summary>
public sealed record OnboardingSession
{
    public required SessionId Id { get; init; }

    public required ConversationKey Conversation { get; init; }

    /// <summary>The account: given up front (<see cref="AccountExpected"/>) or learnt from the authorization callback.</summary>
    public AccountId? Account { get; init; }

    /// <summary>True when the account was named when starting; the callback's <c>company</c> must then match it.</summary>
    public bool AccountExpected { get; init; }

    /// <summary>
    /// True for a staff member's Connect again: a new onboarding of an account that is still a connected tenant (after a
    /// sandbox refresh forgot its certificate). Only such an onboarding may authorize for a connected account.
    /// </summary>
    public bool Reconnect { get; init; }

    public required ChatUser StartedBy { get; init; }

    /// <summary>True when started in a group chat or channel, where cards say who started and who authorized.</summary>
    public bool SharedConversation { get; init; }

    public OnboardingStep Step { get; init; }

    public SessionStatus Status { get; init; }

    public int Version { get; init; }

    /// <summary>While <see cref="SessionStatus.Running"/>: until when the worker's claim holds; a retry after it may take over.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    public StepFailure? Failure { get; init; }

    public long? AuthorizedRoleId { get; init; }

    /// <summary>The role's name when NetSuite told us ("Administrator").</summary>
    public string? AuthorizedRoleName { get; init; }

    public long? AuthorizedEntityId { get; init; }

    public DateTimeOffset? AuthorizedAt { get; init; }

    /// <summary>The NetSuite user who authorized, by name when NetSuite told us, for "authorized by Pat".</summary>
    public string? AuthorizedByName { get; init; }

    /// <summary>When the admin's delegated access would lapse on its own.</summary>
    public DateTimeOffset? AdminAccessUntil { get; init; }

    /// <summary>When the admin's delegated tokens were revoked and erased.</summary>
    public DateTimeOffset? AdminAccessEndedAt { get; init; }

    public string? BundleVersion { get; init; }

    public long? AppRoleId { get; init; }

    public string? AppRoleName { get; init; }

    public long? MappedEntityId { get; init; }

    public long? ConnectionTestMilliseconds { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The account's canonical text, or null while it is not known yet.</summary>
    public string? AccountText => Account?.Value;

    /// <summary>
    /// True when going on takes a new sign-in rather than a plain retry: step 1 failed, the admin access ended or was
    /// refused, or the admin's role lacked a permission steps 2–3 need (the fix is signing in with another role).
    /// </summary>
    public bool NeedsNewSignIn =>
        Step is OnboardingStep.Started or OnboardingStep.AwaitingAuthorization
        || Failure?.Code is FlowCodes.AdminAccessEnded or nameof(NetSuiteErrorKind.InvalidLogin) or nameof(NetSuiteErrorKind.InvalidGrant)
        || (Failure?.Code == nameof(NetSuiteErrorKind.PermissionMissing) && Step < OnboardingStep.MachineAccessVerified);

    /// <summary>True when the step is held by a worker whose lease has not run out.</summary>
    public bool IsBusy(DateTimeOffset now) => Status == SessionStatus.Running && LeaseUntil > now;

    /// <summary>A copy at <paramref name="step"/>, waiting for the user, with any failure cleared.</summary>
    public OnboardingSession WaitingAt(OnboardingStep step) => this with { Step = step, Status = SessionStatus.Waiting, Failure = null, LeaseUntil = null };

    /// <summary>A copy failed at the current step.</summary>
    public OnboardingSession FailedWith(StepFailure failure, bool retryable = true) =>
        this with { Status = retryable ? SessionStatus.Failed : SessionStatus.FailedPermanently, Failure = failure, LeaseUntil = null };
}
