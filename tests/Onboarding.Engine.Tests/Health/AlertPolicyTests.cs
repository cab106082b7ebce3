using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

public sealed class AlertPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);
    private static readonly HealthOptions Options = new() { ReminderInterval = TimeSpan.FromHours(4) };

    private static readonly TenantHealth Down = new(AccountId.Parse("1234567"), HealthState.Down, Now.AddHours(-1), Now)
    {
        Cause = FailureCause.CertificateRevoked,
        IncidentId = "i1",
        LastAlertAt = Now.AddHours(-1),
    };

    [Theory]
    [InlineData(HealthTransition.WentDown, AlertKind.Down)]
    [InlineData(HealthTransition.Recovered, AlertKind.Recovered)]
    public void Transitions_that_matter_are_announced(HealthTransition transition, AlertKind expected) =>
        Assert.Equal(expected, AlertPolicy.Decide(Down, Down, transition, Now, Options));

    [Theory]
    [InlineData(HealthTransition.None)]
    [InlineData(HealthTransition.StartedFailing)]
    [InlineData(HealthTransition.BackToHealthy)]
    public void Other_transitions_stay_quiet(HealthTransition transition) =>
        Assert.Null(AlertPolicy.Decide(Down, Down, transition, Now, Options));

    [Fact]
    public void Still_down_before_the_reminder_interval_is_quiet() =>
        Assert.Null(AlertPolicy.Decide(Down, Down, HealthTransition.StillDown, Now, Options));

    [Fact]
    public void Still_down_after_the_reminder_interval_reminds() =>
        Assert.Equal(AlertKind.Reminder, AlertPolicy.Decide(Down, Down, HealthTransition.StillDown, Now.AddHours(3), Options));

    [Fact]
    public void A_muted_incident_is_not_reminded_but_its_card_follows_a_new_cause()
    {
        var muted = Down with { MutedUntil = Now.AddHours(20) };

        Assert.Null(AlertPolicy.Decide(muted, muted, HealthTransition.StillDown, Now.AddHours(5), Options));
        Assert.Equal(AlertKind.Update, AlertPolicy.Decide(muted, muted with { Cause = FailureCause.PermissionLost }, HealthTransition.StillDown, Now.AddHours(5), Options));
    }
}
