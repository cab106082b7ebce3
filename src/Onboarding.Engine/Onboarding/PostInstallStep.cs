using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Step 4: runs the enabled post-install routines with the machine token, each one's state persisted and shown as it
/// goes. Routines already done are skipped, so a retry runs only those that failed.
/// </summary>
public sealed class PostInstallStep(
    Database database,
    OnboardingSessions sessions,
    PostInstallRunStore runs,
    TenantStore tenants,
    TenantKeyStore keys,
    AuditedMachineTokens machineTokens,
    IEnumerable<IPostInstallRoutine> routines,
    StepFailures failures,
    OnboardingCards cards,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider,
    ILogger<PostInstallStep> logger)
{
    /// <summary>Runs the routines of a session claimed at MachineAccessVerified or PostInstall; returns it still running when all are done, else null.</summary>
    public async Task<OnboardingSession?> RunAsync(OnboardingSession session, string actor, CancellationToken cancellationToken)
    {
        var account = session.Account!.Value;
        var enabled = options.Value.PostInstallRoutines;
        var byName = routines.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<RoutineRun> pending = [];
        var started = await sessions.TryMoveAsync(
            session,
            s => s with { Step = OnboardingStep.PostInstall, Status = SessionStatus.Running },
            actor,
            cancellationToken,
            async (tx, s) => pending = await runs.EnsureAsync(tx, s.Id, enabled, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        if (started is null)
        {
            return null;
        }

        session = started;
        await cards.PublishAsync(session, cancellationToken).ConfigureAwait(false);

        var credential = await keys.ActiveCredentialAsync(account, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Machine access of {account} was verified but no active key is stored.");
        var token = await machineTokens.GetAsync(credential, actor, fresh: false, cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return await failures.StopAsync(session, StepFailure.From(token.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var context = new PostInstallContext(account, session.AppRoleId!.Value, session.MappedEntityId!.Value, token.Value);
        StepFailure? firstFailure = null;
        foreach (var run in pending.Where(r => r.State != RoutineState.Done))
        {
            await SetAsync(session, run with { State = RoutineState.Running, Summary = null, Said = null }, null, cancellationToken).ConfigureAwait(false);
            var result = await RunOneAsync(byName[run.Routine], context, cancellationToken).ConfigureAwait(false);
            await SetAsync(session, run with { State = result.Succeeded ? RoutineState.Done : RoutineState.Failed, Summary = result.Summary, Said = result.Error?.Said }, result.Facts, cancellationToken).ConfigureAwait(false);
            RoutineFinished(logger, run.Routine, account.Value, result.Succeeded ? "done" : "failed");
            if (!result.Succeeded)
            {
                firstFailure ??= new StepFailure(
                    FlowCodes.RoutineFailed,
                    Phrase.Of(nameof(Failure_Routine), byName[run.Routine].Label, result.Summary),
                    Phrase.Of(result.Error?.IsTransient == true ? nameof(Failure_RoutineTransientToDo) : nameof(Failure_RoutineToDo)),
                    result.Error?.Said);
            }
        }

        if (firstFailure is not null)
        {
            return await failures.StopAsync(session, firstFailure, actor, cancellationToken).ConfigureAwait(false);
        }

        return await sessions.FindAsync(session.Id, cancellationToken).ConfigureAwait(false) is { Status: SessionStatus.Running } current ? current : null;
    }

    private static async Task<RoutineResult> RunOneAsync(IPostInstallRoutine routine, PostInstallContext context, CancellationToken cancellationToken)
    {
        using var span = EngineActivities.PostInstall.StartActivity($"post-install {routine.Name}");
        span?.SetTag(EngineTags.Routine, routine.Name);
        span?.SetTag(EngineTags.Account, context.Account.Value);
        RoutineResult result;
        try
        {
            result = await routine.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A routine is vendor code: its bug fails the routine (retryable), not the whole host.
            result = RoutineResult.Failed(Phrase.Of(nameof(Routine_Crashed), e.GetType().Name));
        }

        span?.SetTag(EngineTags.Outcome, result.Succeeded ? "done" : "failed");
        if (!result.Succeeded)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }

        return result;
    }

    private async Task SetAsync(OnboardingSession session, RoutineRun run, TenantFacts? facts, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await StorageTransaction.WriteAsync(database, async write =>
        {
            await runs.SetAsync(write, session.Id, run, now, cancellationToken).ConfigureAwait(false);
            if (facts is not null)
            {
                await tenants.UpsertAsync(write, new Tenant(session.Account!.Value, TenantStatus.Onboarding) { CompanyName = facts.CompanyName, TimeZone = facts.TimeZone }, now, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);

        await cards.PublishAsync(session, cancellationToken).ConfigureAwait(false);
    }
}
