using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class HealthStoresTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    [SkippableTheory]
    [StorageProviders]
    public async Task Tenant_health_round_trips_every_field_and_an_update_replaces_it(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var store = new TenantHealthStore(temp.Database, new FakeTimeProvider(Now));
        var down = new TenantHealth(Account, HealthState.Down, Now.AddMinutes(-30), Now.AddMinutes(5))
        {
            LastCheckAt = Now.AddMinutes(-1),
            LastGoodAt = Now.AddHours(-2),
            ConsecutiveFailures = 4,
            FailingSince = Now.AddMinutes(-31),
            Cause = FailureCause.CertificateRevoked,
            Said = "The certificate was revoked.",
            IncidentId = "incident-1",
            LastAlertAt = Now.AddMinutes(-29),
            MutedUntil = Now.AddHours(1),
            LastBundleCheckAt = Now.AddHours(-3),
            ExpiryWarnedDays = 14,
            ExpiryWarnedCertificateId = "cert-1",
            LastRenewalAttemptAt = Now.AddDays(-1),
        };
        await store.SaveAsync(down with { State = HealthState.Failing }, CancellationToken.None);

        await store.SaveAsync(down, CancellationToken.None);

        Assert.Equal(down, await store.FindAsync(Account, CancellationToken.None));
        Assert.Equal([Account], (await store.AllAsync(CancellationToken.None)).Keys);
        Assert.Null(await store.FindAsync(AccountId.Parse("7654321"), CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Check_results_are_listed_newest_first_and_pruned_by_age(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var log = new HealthCheckLog(temp.Database);
        await log.RecordAsync(new CheckResult(Account, CheckKind.Connection, Now.AddDays(-40), TimeSpan.FromMilliseconds(80)), CancellationToken.None);
        await log.RecordAsync(new CheckResult(Account, CheckKind.Bundle, Now.AddMinutes(-5), TimeSpan.FromMilliseconds(120)), CancellationToken.None);
        await log.RecordAsync(new CheckResult(Account, CheckKind.Connection, Now, TimeSpan.FromMilliseconds(95), FailureCause.NetSuiteUnavailable, "NetSuite answered 503."), CancellationToken.None);

        var pruned = await log.PruneAsync(Now.AddDays(-30), CancellationToken.None);
        var recent = await log.RecentAsync(Account, 10, CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal(
            [
                new CheckResult(Account, CheckKind.Connection, Now, TimeSpan.FromMilliseconds(95), FailureCause.NetSuiteUnavailable, "NetSuite answered 503."),
                new CheckResult(Account, CheckKind.Bundle, Now.AddMinutes(-5), TimeSpan.FromMilliseconds(120)),
            ],
            recent);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_disabled_alert_subscription_keeps_its_reason_until_someone_subscribes_again(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var store = new AlertSubscriptionStore(temp.Database, new FakeTimeProvider(Now));
        var ops = new ConversationKey("slack", "T1", "C-ops");
        var staff = new ChatUser("U1", "Vic");
        Assert.True(await store.SubscribeAsync(ops, staff, CancellationToken.None));
        Assert.False(await store.SubscribeAsync(ops, staff, CancellationToken.None));

        await store.DisableAsync(ops, "channel_not_found", CancellationToken.None);

        Assert.Empty(await store.ActiveAsync(CancellationToken.None));
        Assert.Equal("channel_not_found", await store.DisabledReasonAsync(ops, CancellationToken.None));
        Assert.False(await store.UnsubscribeAsync(ops, CancellationToken.None));
        Assert.True(await store.SubscribeAsync(ops, staff, CancellationToken.None));
        Assert.Equal([ops], await store.ActiveAsync(CancellationToken.None));
        Assert.Null(await store.DisabledReasonAsync(ops, CancellationToken.None));
    }
}
