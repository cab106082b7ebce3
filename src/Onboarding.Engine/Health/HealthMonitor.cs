using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Checks every connected tenant when it is due; records results, moves each tenant's health, alerts on transitions and
/// looks after certificates. A host calls <see cref="RunCycleAsync"/> on a timer; one tenant's failure (or a chat that
/// refuses alerts) never stops the others.
/// </summary>
/// <remarks>
/// Several instances on one database share the work: each cycle claims due tenants in batches (<see cref="TenantHealthStore"/>),
/// so each tenant is checked by one instance per interval and each incident alerts once; a claimant that dies leaves its
/// tenants to others when the claim runs out. How many checks run at once follows the work: as many as it takes to get
/// through the tenants still due within one cycle interval at the latency seen so far (at least a few, at most
/// <c>Health:MaxConcurrentChecks</c>), growing within a cycle when checks slow down — each tenant is its own NetSuite
/// account with its own request limits, and one tenant is never checked twice at once. Results are written in batches; a
/// warm check reads nothing per tenant (the claim brings the health row and key; the name is read only for an alert) and
/// decrypts no key (the token is cached). See docs/scale-out.md.
/// </remarks>
public sealed partial class HealthMonitor(
    Database database,
    TenantHealthStore healthStore,
    HealthCheckLog checkLog,
    TenantChecks checks,
    IncidentAlerts alerts,
    ITenantDirectory tenants,
    CertificateLifecycle certificates,
    HealthMetrics metrics,
    InstanceIdentity instance,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider,
    ILogger<HealthMonitor> logger)
{
    // Claimed tenants left waiting for the workers when the next batch is added: few, so that an instance holds little
    // more than the batch being checked and the one claimed ahead (DueClaims), and instances sharing a cycle finish it together.
    private const int HandOff = 16;

    // A check on request waits this long at most between two tries while a cycle (here or elsewhere) holds the tenant.
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(100);

    private readonly CheckPace _pace = new();

    /// <summary>When the last cycle finished, for the host's own health endpoint; null before the first.</summary>
    public DateTimeOffset? LastCycleCompletedAt { get; private set; }

    /// <summary>How many checks the last cycle ran at once.</summary>
    public int LastConcurrency { get; private set; }

    /// <summary>Checks the tenants that are due now (those no other instance has claimed).</summary>
    public async Task<CycleSummary> RunCycleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await healthStore.DueCountAsync(cancellationToken).ConfigureAwait(false);

        // A cycle with nothing due (most of them, every few seconds) would only be noise in a trace.
        using var span = due == 0 ? null : EngineActivities.Health.StartActivity("health cycle");
        span?.SetTag("health.tenants.due", due);
        var results = new HealthResultBatch(database, healthStore, logger);
        var checkedCount = 0;
        var workers = new List<Task>();
        var claimed = new ClaimedQueue(lowWater: HandOff);
        try
        {
            // Claim a batch, then start as many workers as the work still due calls for at the latency seen so far (the
            // count only grows: a slow stretch, such as every token due for renewal, adds workers within the cycle).
            await using var claims = new DueClaims(healthStore, instance, _pace, ClaimLease(settings), cancellationToken);
            var left = due;
            while (await RoomThenNextAsync(claimed, claims, workers.Count, cancellationToken).ConfigureAwait(false) is { Count: > 0 } batch)
            {
                for (var wanted = _pace.ConcurrencyFor(Math.Max(left, batch.Count), settings); workers.Count < wanted;)
                {
                    workers.Add(CheckAllAsync(claimed, results, () => Interlocked.Increment(ref checkedCount), cancellationToken));
                }

                claimed.Add(batch);
                left -= batch.Count;
            }
        }
        finally
        {
            claimed.Complete();
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            finally
            {
                // Even when stopping: what was checked is kept, and its tenants are not checked again before they are due.
                await results.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = timeProvider.GetUtcNow() - settings.ResultRetention;
        var pruned = await checkLog.PruneAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (pruned > 0)
        {
            HealthResultsPruned(logger, pruned, cutoff);
        }

        LastConcurrency = workers.Count;
        LastCycleCompletedAt = timeProvider.GetUtcNow();
        return new CycleSummary(checked((int)due), checkedCount, pruned);
    }

    /// <summary>
    /// Checks one tenant now, whatever its schedule (the Re-run check button), waiting while a cycle — here or on another
    /// instance — is checking it; null when it is not a connected tenant.
    /// </summary>
    public async Task<TenantHealth?> CheckNowAsync(AccountId account, CancellationToken cancellationToken)
    {
        if (await ClaimOneAsync(account, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            return null;
        }

        var results = new HealthResultBatch(database, healthStore, logger);
        try
        {
            return await CheckClaimedAsync(claimed, results, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await healthStore.ReleaseAsync(account, claimed.Holder, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await results.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Silences the open incident's reminders; returns the health, or null when nothing is open.</summary>
    public async Task<TenantHealth?> MuteAsync(AccountId account, CancellationToken cancellationToken)
    {
        if (await ClaimOneAsync(account, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            return null;
        }

        if (claimed.Health is not { State: HealthState.Down } health)
        {
            await healthStore.ReleaseAsync(account, claimed.Holder, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var muted = health with { MutedUntil = timeProvider.GetUtcNow() + options.Value.MuteDuration };
        await healthStore.SaveClaimedAsync(muted, claimed.Holder, release: true, cancellationToken).ConfigureAwait(false);
        return muted;
    }

    // One worker: checks claimed tenants one after the other until the cycle has claimed them all. A worker that fails
    // (the database refusing even the release) fails the queue, so the claiming loop stops instead of waiting for room.
    private async Task CheckAllAsync(ClaimedQueue claimed, HealthResultBatch results, Action counted, CancellationToken cancellationToken)
    {
        // Off the claiming loop at once, so starting a worker never waits for its first check.
        await Task.Yield();
        try
        {
            await foreach (var tenant in claimed.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckGuardedAsync(tenant, results, cancellationToken).ConfigureAwait(false);
                counted();
            }
        }
        catch (Exception e)
        {
            claimed.Fail(e);
            throw;
        }
    }

    // The next batch is taken only once the workers are nearly through the last, so this instance holds little more than
    // what it is checking and the batch claimed ahead.
    private static async Task<IReadOnlyList<ClaimedTenant>> RoomThenNextAsync(ClaimedQueue claimed, DueClaims claims, int workers, CancellationToken cancellationToken)
    {
        await claimed.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        return await claims.NextAsync(workers).ConfigureAwait(false);
    }

    private async Task<ClaimedTenant?> ClaimOneAsync(AccountId account, CancellationToken cancellationToken)
    {
        var holder = instance.NextHolder();
        var giveUpAt = timeProvider.GetUtcNow() + ClaimLease(options.Value);
        while (true)
        {
            if (await healthStore.TryClaimAsync(account, holder, ClaimLease(options.Value), cancellationToken).ConfigureAwait(false) is { } claimed)
            {
                return claimed;
            }

            // Not connected (then there is nothing to wait for), or someone is checking it right now.
            if (!await healthStore.IsConnectedAsync(account, cancellationToken).ConfigureAwait(false) || timeProvider.GetUtcNow() >= giveUpAt)
            {
                return null;
            }

            await Task.Delay(ClaimPoll, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckGuardedAsync(ClaimedTenant claimed, HealthResultBatch results, CancellationToken cancellationToken)
    {
        try
        {
            await CheckClaimedAsync(claimed, results, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            TenantCheckCrashed(logger, e, claimed.Account);
            await healthStore.ReleaseAsync(claimed.Account, claimed.Holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // A claim outlives the check it covers with room to spare: until it is written, nobody else may check the tenant.
    private static TimeSpan ClaimLease(HealthOptions settings) =>
        settings.CheckInterval > TimeSpan.FromMinutes(2) ? settings.CheckInterval : TimeSpan.FromMinutes(2);
}
