using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

public sealed class HealthStateMachineTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly HealthOptions Options = new() { FailuresBeforeDown = 3, DefinitiveFailuresBeforeDown = 2 };

    private static int _incidents;

    [Fact]
    public void A_passing_check_keeps_a_healthy_tenant_healthy_quietly()
    {
        var (health, transition) = Apply(TenantHealth.New(Account, Start), Passed(1));

        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Equal(HealthTransition.None, transition);
        Assert.Equal(At(1), health.LastGoodAt);
    }

    [Fact]
    public void Every_check_is_counted_as_passed_or_not_and_its_latency_kept()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Passed(1));
        (health, _) = Apply(health, Failed(2, FailureCause.NetSuiteUnavailable));
        (health, _) = Apply(health, Failed(3, FailureCause.RateLimited) with { Latency = TimeSpan.FromMilliseconds(15) });

        Assert.Equal((1L, 2L), (health.ChecksPassed, health.ChecksFailed));
        Assert.Equal(TimeSpan.FromMilliseconds(15), health.LastLatency);
    }

    [Fact]
    public void Passing_failures_go_down_only_after_the_threshold_and_remember_when_it_began()
    {
        var health = TenantHealth.New(Account, Start);
        (health, var first) = Apply(health, Failed(1, FailureCause.NetSuiteUnavailable));
        (health, var second) = Apply(health, Failed(2, FailureCause.NetSuiteUnavailable));
        (health, var third) = Apply(health, Failed(3, FailureCause.Network));

        Assert.Equal([HealthTransition.StartedFailing, HealthTransition.None, HealthTransition.WentDown], [first, second, third]);
        Assert.Equal(HealthState.Down, health.State);
        Assert.Equal(At(1), health.FailingSince);
        Assert.Equal(FailureCause.Network, health.Cause);
        Assert.NotNull(health.IncidentId);
    }

    [Fact]
    public void A_lasting_cause_goes_down_sooner()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Failed(1, FailureCause.CertificateRevoked));
        (health, var transition) = Apply(health, Failed(2, FailureCause.CertificateRevoked));

        Assert.Equal(HealthTransition.WentDown, transition);
    }

    [Fact]
    public void Rate_limiting_neither_counts_nor_clears_a_failure()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Failed(1, FailureCause.CertificateRevoked));
        for (var i = 2; i < 10; i++)
        {
            (health, var transition) = Apply(health, Failed(i, FailureCause.RateLimited));
            Assert.Equal(HealthTransition.None, transition);
        }

        Assert.Equal(HealthState.Failing, health.State);
        Assert.Equal(1, health.ConsecutiveFailures);
        Assert.Equal(FailureCause.CertificateRevoked, health.Cause);
        Assert.Equal(At(9), health.LastCheckAt);
    }

    [Fact]
    public void A_pass_after_failing_returns_to_healthy_without_an_incident()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Failed(1, FailureCause.Network));
        (health, var transition) = Apply(health, Passed(2));

        Assert.Equal(HealthTransition.BackToHealthy, transition);
        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Null(health.Cause);
        Assert.Null(health.IncidentId);
    }

    [Fact]
    public void Down_recovers_then_settles_back_to_healthy()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Failed(1, FailureCause.BundleUninstalled));
        (health, _) = Apply(health, Failed(2, FailureCause.BundleUninstalled));
        (health, var still) = Apply(health, Failed(3, FailureCause.BundleUninstalled));
        var incident = health.IncidentId;
        (health, var recovered) = Apply(health, Passed(4));

        Assert.Equal(HealthTransition.StillDown, still);
        Assert.Equal(HealthTransition.Recovered, recovered);
        Assert.Equal(HealthState.Recovered, health.State);
        Assert.Equal(incident, health.IncidentId);

        (health, var settled) = Apply(health, Passed(5));
        Assert.Equal(HealthTransition.BackToHealthy, settled);
        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Null(health.IncidentId);
    }

    [Fact]
    public void A_vanished_role_is_not_blurred_into_a_revoked_certificate_by_later_refusals()
    {
        var health = TenantHealth.New(Account, Start);
        (health, _) = Apply(health, Failed(1, FailureCause.BundleUninstalled));
        (health, _) = Apply(health, Failed(2, FailureCause.CertificateRevoked));

        Assert.Equal(FailureCause.BundleUninstalled, health.Cause);
    }

    private static (TenantHealth, HealthTransition) Apply(TenantHealth health, CheckResult result) =>
        HealthStateMachine.Apply(health, result, Options, () => $"incident-{Interlocked.Increment(ref _incidents)}");

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    private static CheckResult Passed(int minute) => new(Account, CheckKind.Connection, At(minute), TimeSpan.FromMilliseconds(80));

    private static CheckResult Failed(int minute, FailureCause cause) => new(Account, CheckKind.Connection, At(minute), TimeSpan.FromMilliseconds(80), cause, "NetSuite said: x");
}
