namespace Onboarding.Engine.Health;

/// <summary>
/// Applies one check result to a tenant's health. Pure: the caller persists the new health and acts on the transition.
/// Rate limiting is inconclusive — it neither counts as a failure nor clears one — so a 429 storm alone never alerts.
/// </summary>
public static class HealthStateMachine
{
    /// <summary>The health after <paramref name="result"/>, and what changed. <paramref name="newIncidentId"/> names an incident that opens.</summary>
    public static (TenantHealth Health, HealthTransition Transition) Apply(TenantHealth current, CheckResult result, HealthOptions options, Func<string> newIncidentId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(newIncidentId);
        var at = result.At;
        var checkedNow = current with
        {
            LastCheckAt = at,
            LastLatency = result.Latency,
            ChecksPassed = current.ChecksPassed + (result.Succeeded ? 1 : 0),
            ChecksFailed = current.ChecksFailed + (result.Succeeded ? 0 : 1),
        };
        if (result.IsInconclusive)
        {
            return (checkedNow, HealthTransition.None);
        }

        if (result.Succeeded)
        {
            var good = checkedNow with { LastGoodAt = at, ConsecutiveFailures = 0, FailingSince = null };
            return current.State switch
            {
                HealthState.Down => (good with { State = HealthState.Recovered, StateSince = at }, HealthTransition.Recovered),
                HealthState.Recovered or HealthState.Failing => (Cleared(good, at), HealthTransition.BackToHealthy),
                _ => (good, HealthTransition.None),
            };
        }

        var failures = current.ConsecutiveFailures + 1;
        var failing = checkedNow with
        {
            ConsecutiveFailures = failures,
            FailingSince = current.FailingSince ?? at,
            Cause = current.ConsecutiveFailures > 0 ? CauseClassifier.Sharpen(current.Cause, result.Cause!.Value) : result.Cause,
            Said = result.Said,
        };

        if (current.State == HealthState.Down)
        {
            return (failing, HealthTransition.StillDown);
        }

        if (failures >= Threshold(failing.Cause!.Value, options))
        {
            var down = failing with
            {
                State = HealthState.Down,
                StateSince = at,
                IncidentId = newIncidentId(),
                LastAlertAt = null,
                MutedUntil = null,
            };
            return (down, HealthTransition.WentDown);
        }

        return current.State == HealthState.Failing
            ? (failing, HealthTransition.None)
            : (failing with { State = HealthState.Failing, StateSince = at }, HealthTransition.StartedFailing);
    }

    /// <summary>Failures in a row that open an incident: passing causes get more chances than lasting ones.</summary>
    public static int Threshold(FailureCause cause, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return cause is FailureCause.NetSuiteUnavailable or FailureCause.Network or FailureCause.Unknown
            ? options.FailuresBeforeDown
            : options.DefinitiveFailuresBeforeDown;
    }

    private static TenantHealth Cleared(TenantHealth health, DateTimeOffset at) => health with
    {
        State = HealthState.Healthy,
        StateSince = at,
        Cause = null,
        Said = null,
        IncidentId = null,
        LastAlertAt = null,
        MutedUntil = null,
    };
}
