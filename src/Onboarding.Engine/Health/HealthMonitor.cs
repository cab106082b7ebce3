using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Diagnostics;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Checks every connected tenant when it is due, with bounded concurrency; records results, moves each tenant's health,
/// alerts on transitions and looks after certificates. A host calls <see cref="RunCycleAsync"/> on a timer; one tenant's
/// failure (or a chat that refuses alerts) never stops the others.
/// </summary>
public sealed class HealthMonitor(
    ITenantDirectory tenants,
    TenantHealthStore healthStore,
    HealthCheckLog checkLog,
    TenantChecks checks,
    IncidentAlerts alerts,
    CertificateLifecycle certificates,
    HealthMetrics metrics,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider,
    ILogger<HealthMonitor> logger)
{
    private readonly ConcurrentDictionary<AccountId, SemaphoreSlim> _tenantGates = new();

    /// <summary>When the last cycle finished, for the host's own health endpoint; null before the first.</summary>
    public DateTimeOffset? LastCycleCompletedAt { get; private set; }

    /// <summary>Checks the tenants that are due now.</summary>
    public async Task<CycleSummary> RunCycleAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var known = await tenants.ConnectedTenantsAsync(cancellationToken).ConfigureAwait(false);
        var health = await healthStore.AllAsync(cancellationToken).ConfigureAwait(false);
        var due = known.Where(t => !health.TryGetValue(t.Account, out var h) || h.NextCheckAt <= now).ToList();

        // A cycle with nothing due (most of them, every few seconds) would only be noise in a trace.
        using var span = due.Count == 0 ? null : EngineActivities.Health.StartActivity("health cycle");
        span?.SetTag("health.tenants.due", due.Count);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentChecks, CancellationToken = cancellationToken },
            async (tenant, ct) => await CheckGuardedAsync(tenant, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var cutoff = now - settings.ResultRetention;
        var pruned = await checkLog.PruneAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (pruned > 0)
        {
            HealthResultsPruned(logger, pruned, cutoff);
        }

        LastCycleCompletedAt = timeProvider.GetUtcNow();
        return new CycleSummary(known.Count, due.Count, pruned);
    }

    /// <summary>Checks one tenant now, whatever its schedule (the Re-run check button); null when it is not a connected tenant.</summary>
    public async Task<TenantHealth?> CheckNowAsync(AccountId account, CancellationToken cancellationToken)
    {
        var tenant = (await tenants.ConnectedTenantsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Account == account);
        return tenant is null ? null : await CheckAsync(tenant, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Silences the open incident's reminders; returns the health, or null when nothing is open.</summary>
    public async Task<TenantHealth?> MuteAsync(AccountId account, CancellationToken cancellationToken)
    {
        var gate = _tenantGates.GetOrAdd(account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var health = await healthStore.FindAsync(account, cancellationToken).ConfigureAwait(false);
            if (health is not { State: HealthState.Down })
            {
                return null;
            }

            var muted = health with { MutedUntil = timeProvider.GetUtcNow() + options.Value.MuteDuration };
            await healthStore.SaveAsync(muted, cancellationToken).ConfigureAwait(false);
            return muted;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task CheckGuardedAsync(MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            TenantCheckCrashed(logger, e, tenant.Account);
        }
    }

    private async Task<TenantHealth> CheckAsync(MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        var gate = _tenantGates.GetOrAdd(tenant.Account, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var settings = options.Value;
            var before = await healthStore.FindAsync(tenant.Account, cancellationToken).ConfigureAwait(false)
                ?? TenantHealth.New(tenant.Account, timeProvider.GetUtcNow());
            var result = await RunChecksAsync(tenant.Account, before, cancellationToken).ConfigureAwait(false);
            var (after, transition) = HealthStateMachine.Apply(before, result.Decisive, settings, NewIncidentId);
            if (result.BundleChecked)
            {
                after = after with { LastBundleCheckAt = result.Decisive.At };
            }

            var now = timeProvider.GetUtcNow();
            after = after with { NextCheckAt = now + NextDelay(after.State, settings) };
            if (after.State != before.State)
            {
                HealthChanged(logger, tenant.Account, before.State, after.State, transition);
            }

            var alert = AlertPolicy.Decide(before, after, transition, now, settings);
            if (alert is AlertKind.Down or AlertKind.Reminder)
            {
                after = after with { LastAlertAt = now };
            }

            // Persist before telling anyone, so a crash cannot repeat or lose the alert's bookkeeping.
            await healthStore.SaveAsync(after, cancellationToken).ConfigureAwait(false);
            if (alert is { } kind)
            {
                await alerts.SendAsync(tenant, after, kind, before.FailingSince ?? before.StateSince, cancellationToken).ConfigureAwait(false);
            }

            if (result.Decisive.Succeeded && after.State is HealthState.Healthy or HealthState.Recovered)
            {
                var reviewed = await certificates.ReviewAsync(tenant, after, cancellationToken).ConfigureAwait(false);
                if (reviewed != after)
                {
                    after = reviewed;
                    await healthStore.SaveAsync(after, cancellationToken).ConfigureAwait(false);
                }
            }

            return after;
        }
        finally
        {
            gate.Release();
        }
    }

    // The connection check always; the bundle check when it is due and the connection works (it needs the same token).
    private async Task<(CheckResult Decisive, bool BundleChecked)> RunChecksAsync(AccountId account, TenantHealth before, CancellationToken cancellationToken)
    {
        var connection = await checks.CheckConnectionAsync(account, cancellationToken).ConfigureAwait(false);
        await RecordAsync(connection, cancellationToken).ConfigureAwait(false);
        // While a tenant is not healthy the failure may have come from the bundle check, so it is repeated until it passes.
        var bundleDue = before.LastBundleCheckAt is not { } last || connection.At - last >= options.Value.BundleCheckInterval
            || before.State != HealthState.Healthy;
        if (!connection.Succeeded || !bundleDue)
        {
            return (connection, false);
        }

        var bundle = await checks.CheckBundleAsync(account, cancellationToken).ConfigureAwait(false);
        await RecordAsync(bundle, cancellationToken).ConfigureAwait(false);
        return (bundle.IsInconclusive ? connection : bundle, !bundle.IsInconclusive);
    }

    private async Task RecordAsync(CheckResult result, CancellationToken cancellationToken)
    {
        metrics.CheckCompleted(result);
        if (result.Cause is { } cause)
        {
            HealthCheckFailed(logger, result.Kind, result.Account, cause, result.Said);
        }

        await checkLog.RecordAsync(result, cancellationToken).ConfigureAwait(false);
    }

    private static TimeSpan NextDelay(HealthState state, HealthOptions settings) =>
        state is HealthState.Healthy or HealthState.Recovered
            ? settings.CheckInterval + settings.CheckJitter * Random.Shared.NextDouble()
            : settings.RecheckInterval;

    private static string NewIncidentId() => Guid.NewGuid().ToString("N")[..12];
}
