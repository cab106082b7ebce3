using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Migrations;
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
        var store = HealthStore(temp.Database, new FakeTimeProvider(Now));
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
            ChecksPassed = 1_234,
            ChecksFailed = 5,
            LastLatency = TimeSpan.FromMilliseconds(240),
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

    [SkippableTheory]
    [StorageProviders]
    public async Task The_directory_names_a_connected_tenant_with_its_time_zone_and_knows_no_other(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var directory = new ConnectedTenantDirectory(temp.Database, new TenantStore());
        await StorageTransaction.WriteAsync(temp.Database, async write =>
        {
            await new TenantStore().UpsertAsync(write, new Tenant(Account, TenantStatus.Connected) { CompanyName = "Contoso", TimeZone = "Europe/Berlin" }, Now, CancellationToken.None);
            await new TenantStore().UpsertAsync(write, new Tenant(AccountId.Parse("7654321"), TenantStatus.Onboarding) { CompanyName = "Fabrikam" }, Now, CancellationToken.None);
            await new TenantStore().UpsertAsync(write, new Tenant(AccountId.Parse("1111111"), TenantStatus.Offboarded) { CompanyName = "Northwind" }, Now, CancellationToken.None);
        }, CancellationToken.None);

        Assert.Equal(new MonitoredTenant(Account, "Contoso (1234567_SB1)") { TimeZone = "Europe/Berlin" }, await directory.FindConnectedAsync(Account, CancellationToken.None));
        Assert.Null(await directory.FindConnectedAsync(AccountId.Parse("7654321"), CancellationToken.None));
        Assert.Null(await directory.FindConnectedAsync(AccountId.Parse("1111111"), CancellationToken.None));
        Assert.Null(await directory.FindConnectedAsync(AccountId.Parse("2222222"), CancellationToken.None));

        // A message about a tenant that stopped being connected since its claim still names it, by its account.
        Assert.Equal(new MonitoredTenant(AccountId.Parse("1111111"), "1111111"), await directory.NamedAsync(AccountId.Parse("1111111"), CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_tenant_is_watched_from_the_transaction_that_connects_it_and_keeps_its_health_when_connected_again(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var store = HealthStore(temp.Database, clock);
        var account = AccountId.Parse("1111111");

        // Onboarding is not connected yet; a connection whose transaction fails leaves nothing to watch.
        await StorageTransaction.WriteAsync(temp.Database, w => new TenantStore().UpsertAsync(w, new Tenant(account, TenantStatus.Onboarding), Now, CancellationToken.None), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => StorageTransaction.WriteAsync(temp.Database, async w =>
        {
            await new TenantStore().UpsertAsync(w, new Tenant(account, TenantStatus.Connected) { ConnectedAt = Now }, Now, CancellationToken.None);
            throw new InvalidOperationException("the onboarding could not be completed");
        }, CancellationToken.None));
        Assert.Null(await store.FindAsync(account, CancellationToken.None));

        await ConnectAsync(temp.Database, clock, "1111111");
        Assert.Equal(new TenantHealth(account, HealthState.Healthy, Now, Now), await store.FindAsync(account, CancellationToken.None));

        // Its first check finds it down; a new connection replacing the old keeps that health until the next check says otherwise.
        var claimed = Assert.Single(await store.ClaimDueAsync("a#1", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None));
        var down = claimed.Health with { State = HealthState.Down, StateSince = Now, NextCheckAt = Now.AddMinutes(1), ConsecutiveFailures = 3 };
        Assert.True(await store.SaveClaimedAsync(down, claimed.Holder, release: true, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(30));
        await ConnectAsync(temp.Database, clock, "1111111");

        Assert.Equal(down, await store.FindAsync(account, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_claimed_tenant_is_not_claimed_again_until_its_claim_runs_out_or_is_written(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var clock = new FakeTimeProvider(Now);
        var first = HealthStore(temp.Database, clock);
        var second = HealthStore(otherDatabase, clock);
        await ConnectAsync(temp.Database, clock, "1111111", "2222222", "3333333");
        await ConnectAsync(temp.Database, clock, "4444444");
        await StorageTransaction.WriteAsync(temp.Database, w => w.ExecuteAsync("UPDATE tenants SET status = 'Offboarded' WHERE account_id = '4444444'", null, CancellationToken.None), CancellationToken.None);

        var claimed = await first.ClaimDueAsync("a#1", 2, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);
        var rest = await second.ClaimDueAsync("b#1", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);
        var none = await second.ClaimDueAsync("b#2", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);

        Assert.Equal(2, claimed.Count);
        Assert.Single(rest);
        Assert.Empty(none);
        Assert.DoesNotContain(rest[0].Account, claimed.Select(c => c.Account));

        // The first instance stalls past its claim: the second takes the tenant over, and the late write changes nothing.
        var stale = claimed[0];
        clock.Advance(TimeSpan.FromMinutes(2));
        var takenOver = Assert.Single(await second.ClaimDueAsync("b#3", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None), c => c.Account == stale.Account);
        Assert.False(await first.SaveClaimedAsync(stale.Health with { State = HealthState.Down }, stale.Holder, release: true, CancellationToken.None));
        Assert.True(await second.SaveClaimedAsync(takenOver.Health with { NextCheckAt = Now.AddMinutes(10) }, takenOver.Holder, release: true, CancellationToken.None));
        Assert.Equal(HealthState.Healthy, (await first.FindAsync(stale.Account, CancellationToken.None))!.State);
        Assert.NotNull(await first.TryClaimAsync(stale.Account, "a#2", TimeSpan.FromMinutes(2), CancellationToken.None));
        Assert.Null(await second.TryClaimAsync(stale.Account, "b#4", TimeSpan.FromMinutes(2), CancellationToken.None));
    }

    [Fact]
    public void The_log_keeps_a_tenants_first_checks_its_failures_and_its_recovery_but_not_routine_passes()
    {
        var passed = new CheckResult(Account, CheckKind.Connection, Now, TimeSpan.FromMilliseconds(80));
        var failed = passed with { Kind = CheckKind.Bundle, Cause = FailureCause.BundleUninstalled };
        var healthy = TenantHealth.New(Account, Now.AddHours(-1)) with { LastCheckAt = Now.AddMinutes(-5) };

        Assert.True(HealthCheckLog.Keeps(TenantHealth.New(Account, Now), [passed]));
        Assert.False(HealthCheckLog.Keeps(healthy, [passed, passed with { Kind = CheckKind.Bundle }]));
        Assert.True(HealthCheckLog.Keeps(healthy, [passed, failed]));
        Assert.True(HealthCheckLog.Keeps(healthy with { State = HealthState.Recovered }, [passed]));
        Assert.True(HealthCheckLog.Keeps(healthy with { State = HealthState.Failing, ConsecutiveFailures = 1 }, [passed]));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_routine_check_writes_its_schedule_and_summary_and_a_change_writes_the_whole_row_each_only_under_its_claim(StorageProvider provider)
    {
        await using var fleet = await MonitoredFleet.StartAsync(provider, "1111111", "2222222", "3333333");
        var (temp, clock, store) = (fleet.Temp, fleet.Clock, fleet.Store);
        var claimed = (await store.ClaimDueAsync("a#1", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None)).OrderBy(c => c.Account.Value).ToList();
        var (routine, changed, lost) = (claimed[0], claimed[1], claimed[2]);
        var passed = routine.Health with
        {
            NextCheckAt = Now.AddMinutes(5), LastCheckAt = Now, LastGoodAt = Now, ChecksPassed = 1, LastLatency = TimeSpan.FromMilliseconds(90),
        };
        var failing = changed.Health with
        {
            State = HealthState.Failing, StateSince = Now, NextCheckAt = Now.AddMinutes(1), LastCheckAt = Now, ConsecutiveFailures = 1,
            FailingSince = Now, Cause = FailureCause.NetSuiteUnavailable, Said = "503", ChecksFailed = 1, LastLatency = TimeSpan.FromMilliseconds(30),
        };

        var written = await StorageTransaction.WriteAsync(temp.Database, write => store.SaveCheckedAsync(
            write, [(routine.Health, passed, routine.Holder), (changed.Health, failing, changed.Holder), (lost.Health, passed with { Account = lost.Account }, "someone-else")], CancellationToken.None), CancellationToken.None);

        Assert.Equal(2, written);
        Assert.Equal(passed, await store.FindAsync(routine.Account, CancellationToken.None));
        Assert.Equal(failing, await store.FindAsync(changed.Account, CancellationToken.None));
        Assert.Equal(lost.Health, await store.FindAsync(lost.Account, CancellationToken.None));

        // Written claims are over; the one written under another name is still held.
        var again = await store.ClaimDueAsync("a#2", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);
        Assert.Empty(again);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([changed.Account], (await store.ClaimDueAsync("a#3", 10, TimeSpan.FromMinutes(2), after: null, CancellationToken.None)).Select(c => c.Account));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Instances_claiming_due_tenants_at_the_same_time_never_share_one(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var clock = new FakeTimeProvider(Now);
        await ConnectAsync(temp.Database, clock, Numbered(120));
        var stores = new[] { HealthStore(temp.Database, clock), HealthStore(otherDatabase, clock) };

        var batches = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            stores[i % 2].ClaimDueAsync($"worker-{i}", 7, TimeSpan.FromMinutes(2), after: null, CancellationToken.None))));
        var accounts = batches.SelectMany(b => b.Select(c => c.Account)).ToList();

        Assert.Equal(120, accounts.Count);
        Assert.Equal(120, accounts.Distinct().Count());
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Due_tenants_are_claimed_in_account_order_each_claim_continuing_after_the_last(StorageProvider provider)
    {
        await using var fleet = await MonitoredFleet.StartAsync(provider, "4444444", "1111111_SB1", "3333333", "1111111", "5555555", "2222222");
        var store = fleet.Store;

        // Due order is the reverse of account order, and one tenant is not due yet.
        var due = new[] { "5555555", "4444444", "3333333", "2222222", "1111111_SB1", "1111111" };
        for (var i = 0; i < due.Length; i++)
        {
            await store.SaveAsync(TenantHealth.New(AccountId.Parse(due[i]), Now.AddMinutes(-10 + i)), CancellationToken.None);
        }

        await store.SaveAsync(TenantHealth.New(AccountId.Parse("3333333"), Now.AddMinutes(5)), CancellationToken.None);

        var first = await store.ClaimDueAsync("a#1", 2, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);
        var second = await store.ClaimDueAsync("a#2", 2, TimeSpan.FromMinutes(2), first[^1].Account, CancellationToken.None);
        var third = await store.ClaimDueAsync("a#3", 2, TimeSpan.FromMinutes(2), second[^1].Account, CancellationToken.None);

        Assert.Equal(["1111111", "1111111_SB1"], first.Select(c => c.Account.Value));
        Assert.Equal(["2222222", "4444444"], second.Select(c => c.Account.Value));
        Assert.Equal(["5555555"], third.Select(c => c.Account.Value));
        Assert.Empty(await store.ClaimDueAsync("a#4", 2, TimeSpan.FromMinutes(2), after: null, CancellationToken.None));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_cycle_claims_one_batch_ahead_and_releases_it_when_it_ends_before_taking_it(StorageProvider provider)
    {
        await using var fleet = await MonitoredFleet.StartAsync(provider, Numbered(100));
        var store = fleet.Store;

        IReadOnlyList<ClaimedTenant> first;
        await using (var claims = new DueClaims(store, new InstanceIdentity("a"), new CheckPace(), TimeSpan.FromMinutes(2), CancellationToken.None))
        {
            // Before any check has been timed a claim holds 64; the other 36 are claimed ahead while these are checked.
            first = await claims.NextAsync(workers: 0);
            Assert.Equal(64, first.Count);
            await Eventually.UntilAsync(async () => await store.DueCountAsync(CancellationToken.None) == 0, "the batch ahead to be claimed");
            Assert.Empty(await store.ClaimDueAsync("b#1", 100, TimeSpan.FromMinutes(2), after: null, CancellationToken.None));
        }

        var released = await store.ClaimDueAsync("b#2", 100, TimeSpan.FromMinutes(2), after: null, CancellationToken.None);
        Assert.Equal(36, released.Count);
        Assert.Empty(released.Select(c => c.Account).Intersect(first.Select(c => c.Account)));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task Health_saved_before_the_table_moved_to_account_order_keeps_every_field(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        var runner = temp.CreateRunner();
        await runner.ApplyAsync([.. SchemaMigrations.All.Where(m => m.Version != 204)], CancellationToken.None);
        var clock = new FakeTimeProvider(Now);
        var store = HealthStore(temp.Database, clock);
        var down = TenantHealth.New(Account, Now.AddHours(-1)) with
        {
            State = HealthState.Down, LastCheckAt = Now, ConsecutiveFailures = 3, FailingSince = Now.AddMinutes(-20), Cause = FailureCause.PermissionLost,
            Said = "role", IncidentId = "i-1", LastAlertAt = Now, MutedUntil = Now.AddHours(1), LastBundleCheckAt = Now, ExpiryWarnedDays = 7,
            ExpiryWarnedCertificateId = "c-1", LastRenewalAttemptAt = Now, ChecksPassed = 10, ChecksFailed = 3, LastLatency = TimeSpan.FromMilliseconds(70),
        };
        await store.SaveAsync(down, CancellationToken.None);

        Assert.Equal(SchemaMigrations.LatestVersion, await runner.ApplyAsync(CancellationToken.None));

        Assert.Equal(down, await store.FindAsync(Account, CancellationToken.None));
    }

    // Accounts 1000000, 1000001, … : as many connected tenants as a test needs.
    private static string[] Numbered(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static TenantHealthStore HealthStore(Database database, TimeProvider clock) =>
        new(database, new TenantKeyStore(database, new DataProtectionSecretProtector(new EphemeralDataProtectionProvider())), clock);

    private static Task ConnectAsync(Database database, TimeProvider clock, params string[] accounts) =>
        StorageTransaction.WriteAsync(database, async write =>
        {
            foreach (var account in accounts)
            {
                await new TenantStore().UpsertAsync(
                    write,
                    new Tenant(AccountId.Parse(account), TenantStatus.Connected) { CompanyName = $"Company {account}", ConnectedAt = clock.GetUtcNow() },
                    clock.GetUtcNow(),
                    CancellationToken.None);
            }
        }, CancellationToken.None);

    // A fresh database whose tenants are connected and have health rows, due now; and a store over it on a fake clock.
    private sealed class MonitoredFleet(TemporaryDatabase temp, FakeTimeProvider clock, TenantHealthStore store) : IAsyncDisposable
    {
        public TemporaryDatabase Temp { get; } = temp;

        public FakeTimeProvider Clock { get; } = clock;

        public TenantHealthStore Store { get; } = store;

        public static async Task<MonitoredFleet> StartAsync(StorageProvider provider, params string[] accounts)
        {
            var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
            try
            {
                var clock = new FakeTimeProvider(Now);
                var store = HealthStore(temp.Database, clock);
                await ConnectAsync(temp.Database, clock, accounts);
                return new MonitoredFleet(temp, clock, store);
            }
            catch
            {
                await temp.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => Temp.DisposeAsync();
    }
}
