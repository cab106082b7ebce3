using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// The onboarding state machine's entry points: start, the bundle check, retry, cancel — and the automatic
/// run from a verified bundle through machine access and post-install to completion. Every move is claimed with
/// optimistic concurrency, so of two clicks on one button only one runs the step and the other sees the current card.
/// </summary>
public sealed partial class OnboardingFlow(
    Database database,
    OnboardingSessions sessions,
    AuthorizationStep authorizationStep,
    PreflightStep preflightStep,
    BundleStep bundleStep,
    MachineAccessStep machineAccessStep,
    PostInstallStep postInstallStep,
    AdminAccess adminAccess,
    OnboardingCertificateRevocation uploadedCertificate,
    AuthorizationRequestStore requests,
    TenantKeyStore keys,
    TenantStore tenants,
    StepFailures failures,
    OnboardingCards cards,
    OnboardingNotices notices,
    StepTelemetry telemetry,
    WorkLeases leases,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>The lease scope under which one instance resumes an interrupted onboarding (docs/scale-out.md).</summary>
    public const string ResumeScope = "onboarding-resume";

    /// <summary>Starts an onboarding (throws <see cref="OpenOnboardingExistsException"/> when the account has one open).</summary>
    public Task<OnboardingSession> StartAsync(ConversationKey conversation, ChatUser user, bool sharedConversation, AccountId? account, CancellationToken cancellationToken) =>
        authorizationStep.StartAsync(conversation, user, sharedConversation, account, cancellationToken);

    /// <summary>
    /// Connect again: a new onboarding of <paramref name="account"/>, still a connected tenant, in <paramref name="conversation"/>.
    /// It may authorize although the tenant is connected; once its certificate works it replaces the tenant's old ones.
    /// </summary>
    public Task<OnboardingSession> ReconnectAsync(ConversationKey conversation, ChatUser user, bool sharedConversation, AccountId account, CancellationToken cancellationToken) =>
        authorizationStep.StartAsync(conversation, user, sharedConversation, account, cancellationToken, reconnect: true);

    /// <summary>"I've installed it": checks the bundle and, when it is there, carries on through steps 3 and 4.</summary>
    public async Task CheckBundleAsync(OnboardingSession session, ChatUser user, CancellationToken cancellationToken)
    {
        if (session.Step != OnboardingStep.AwaitingBundle
            || await sessions.TryClaimAsync(session, OnboardingStep.AwaitingBundle, user.Id, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await cards.PublishAsync(claimed, cancellationToken).ConfigureAwait(false);
        if (await telemetry.RunAsync("bundle", claimed, () => bundleStep.CheckAsync(claimed, user.Id, cancellationToken)).ConfigureAwait(false) is { } verified)
        {
            await ContinueAsync(verified, user.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retries the failed (or interrupted) step where it stopped; a step 1 failure gets a fresh sign-in link.</summary>
    public async Task RetryAsync(OnboardingSession session, ChatUser user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var retryable = session.Status == SessionStatus.Failed
            || (session.Status == SessionStatus.Running && !session.IsBusy(now))
            || (session.Status == SessionStatus.Waiting && session.Step == OnboardingStep.AwaitingAuthorization);
        if (!retryable)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.NeedsNewSignIn)
        {
            await SignInAgainAsync(session, user, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Step == OnboardingStep.Authorized)
        {
            // The pre-flight failed, or was interrupted between the callback and the bundle card: run it again.
            if (await sessions.TryClaimAsync(session, OnboardingStep.Authorized, user.Id, cancellationToken).ConfigureAwait(false) is not { } checking)
            {
                await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
                return;
            }

            await cards.PublishAsync(checking, cancellationToken).ConfigureAwait(false);
            await preflightStep.RunAsync(checking, user.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (session.Step == OnboardingStep.AwaitingBundle)
        {
            await CheckBundleAsync(session, user, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await sessions.TryClaimAsync(session, session.Step, user.Id, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await cards.PublishAsync(claimed, cancellationToken).ConfigureAwait(false);
        await ContinueAsync(claimed, user.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Back to step 1 with a fresh sign-in link (to choose another role, or after the admin access ended). Whatever admin
    /// access the session still holds is revoked and erased first, so two never coexist.
    /// </summary>
    public async Task SignInAgainAsync(OnboardingSession session, ChatUser user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!session.Status.IsOpen() || session.IsBusy(now) || session.Step >= OnboardingStep.MachineAccessVerified)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await adminAccess.EndAsync(session, user.Id, cancellationToken).ConfigureAwait(false);
        if (await authorizationStep.RenewAsync(session, user.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Picks up every onboarding whose worker stopped mid-step (the process restarted or crashed) once its lease has run
    /// out, and carries it on from the step it stopped at. Returns how many this instance resumed.
    /// </summary>
    public async Task<int> ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var stalled = await sessions.StalledAsync(cancellationToken).ConfigureAwait(false);
        var resumed = 0;
        foreach (var session in stalled)
        {
            // Every instance sees the same stalled sessions: the one that takes the lease resumes it, the others pass it by
            // (rather than lose the session's own race and redraw its card).
            if (await leases.TryRunAsync(ResumeScope, session.Id.Value, options.Value.StepLease, ct => RetryAsync(session, SystemUser, ct), cancellationToken).ConfigureAwait(false))
            {
                resumed++;
            }
        }

        return resumed;
    }

    /// <summary>
    /// After NetSuite refused the app's own sign-in with the uploaded certificate: revokes and erases it (with the admin's
    /// token), then runs step 3 again with a new key and certificate — no new sign-in by the admin needed.
    /// </summary>
    public async Task ReplaceCertificateAsync(OnboardingSession session, ChatUser user, CancellationToken cancellationToken)
    {
        if (session.Status != SessionStatus.Failed || session.Failure?.Code != FlowCodes.MachineTokenRefused
            || await sessions.TryClaimAsync(session, session.Step, user.Id, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            await failures.ShowCurrentAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await cards.PublishAsync(claimed, cancellationToken).ConfigureAwait(false);
        await uploadedCertificate.RevokeAsync(claimed, user.Id, "replaced", cancellationToken).ConfigureAwait(false);
        await ContinueAsync(claimed, user.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The actor of work the app does on its own (resuming after a restart).</summary>
    public static ChatUser SystemUser { get; } = new("system", "the app");

    /// <summary>Drives a running session from wherever it is in steps 3–4 to completion, stopping at the first failure or lost race.</summary>
    private async Task ContinueAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        OnboardingSession? current = session;
        if (current.Step is OnboardingStep.BundleVerified or OnboardingStep.EstablishingMachineAccess)
        {
            var claimed = current;
            current = await telemetry.RunAsync("machine-access", claimed, () => machineAccessStep.RunAsync(claimed, actor, cancellationToken)).ConfigureAwait(false);
        }

        if (current?.Step is OnboardingStep.MachineAccessVerified or OnboardingStep.PostInstall)
        {
            var verified = current;
            current = await telemetry.RunAsync("post-install", verified, () => postInstallStep.RunAsync(verified, actor, cancellationToken)).ConfigureAwait(false);
        }

        if (current is not null)
        {
            await telemetry.RunAsync("completion", current, () => CompleteAsync(current, actor, cancellationToken)).ConfigureAwait(false);
        }
    }
}
