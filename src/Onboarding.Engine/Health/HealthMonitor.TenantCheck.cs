using Onboarding.Engine.NetSuite;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

// One claimed tenant's check: run the checks, move its health, alert on the transition (bookkeeping saved first), review
// its certificates, and queue the result for the batched write.
public sealed partial class HealthMonitor
{
    private async Task<TenantHealth> CheckClaimedAsync(ClaimedTenant claimed, HealthResultBatch results, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (account, before) = (claimed.Account, claimed.Health);
        var (recorded, decisive, bundleChecked) = await RunChecksAsync(claimed, before, cancellationToken).ConfigureAwait(false);
        var (after, transition) = HealthStateMachine.Apply(before, decisive, settings, NewIncidentId);
        if (bundleChecked)
        {
            after = after with { LastBundleCheckAt = decisive.At };
        }

        var now = timeProvider.GetUtcNow();
        after = after with { NextCheckAt = now + NextDelay(after.State, settings) };
        if (after.State != before.State)
        {
            HealthChanged(logger, account, before.State, after.State, transition);
        }

        var alert = AlertPolicy.Decide(before, after, transition, now, settings);
        if (alert is AlertKind.Down or AlertKind.Reminder)
        {
            after = after with { LastAlertAt = now };
        }

        if (alert is { } kind)
        {
            // Persist before telling anyone, so a crash cannot repeat or lose the alert's bookkeeping; a claim that ran out
            // (another instance took the tenant over and will decide for itself) tells no one.
            if (!await healthStore.SaveClaimedAsync(after, claimed.Holder, release: false, cancellationToken).ConfigureAwait(false))
            {
                HealthClaimLost(logger, account);
                return after;
            }

            var tenant = await tenants.NamedAsync(account, cancellationToken).ConfigureAwait(false);
            await alerts.SendAsync(tenant, after, kind, before.FailingSince ?? before.StateSince, cancellationToken).ConfigureAwait(false);
        }

        if (decisive.Succeeded && after.State is HealthState.Healthy or HealthState.Recovered)
        {
            after = await certificates.ReviewAsync(account, after, claimed.ActiveKey, cancellationToken).ConfigureAwait(false);
        }

        results.Add(before, recorded, after, claimed.Holder);
        return after;
    }

    // The connection check always; the bundle check when it is due and the connection works (it needs the same token).
    private async Task<(IReadOnlyList<CheckResult> Recorded, CheckResult Decisive, bool BundleChecked)> RunChecksAsync(
        ClaimedTenant claimed, TenantHealth before, CancellationToken cancellationToken)
    {
        var account = claimed.Account;
        var connection = await checks.CheckConnectionAsync(account, claimed.ActiveKey, cancellationToken).ConfigureAwait(false);
        Observe(connection);

        // While a tenant is not healthy the failure may have come from the bundle check, so it is repeated until it passes.
        var bundleDue = before.LastBundleCheckAt is not { } last || connection.At - last >= options.Value.BundleCheckInterval
            || before.State != HealthState.Healthy;
        if (!connection.Succeeded || !bundleDue)
        {
            return ([connection], connection, false);
        }

        var bundle = await checks.CheckBundleAsync(account, claimed.ActiveKey, cancellationToken).ConfigureAwait(false);
        Observe(bundle);
        return ([connection, bundle], bundle.IsInconclusive ? connection : bundle, !bundle.IsInconclusive);
    }

    private void Observe(CheckResult result)
    {
        metrics.CheckCompleted(result);
        if (result.Cause is { } cause)
        {
            HealthCheckFailed(logger, result.Kind, result.Account, cause, result.Said);
        }

        _pace.Record(result.Latency);
    }

    private static TimeSpan NextDelay(HealthState state, HealthOptions settings) =>
        state is HealthState.Healthy or HealthState.Recovered
            ? settings.CheckInterval + settings.CheckJitter * Random.Shared.NextDouble()
            : settings.RecheckInterval;

    private static string NewIncidentId() => Guid.NewGuid().ToString("N")[..12];
}
