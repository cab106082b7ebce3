using Onboarding.Engine.Coordination;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Health;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>Admin access ends one hour after consent at the latest: never used or refreshed after, swept when abandoned.</summary>
public sealed class AdminAccessLifetimeTests
{
    [Fact]
    public async Task After_its_hour_the_admins_token_is_not_used_and_the_card_asks_for_a_fresh_sign_in()
    {
        await using var harness = await HealthHarness.StartAsync();
        var flow = harness.Flow;
        await flow.AuthorizedAsync();
        await flow.InstallBundleAsync();

        // Only the app's clock moves: NetSuite would still accept the token, the app must not use it.
        harness.Time.Advance(TimeSpan.FromMinutes(61));
        await flow.PressAsync(await flow.CardAsync(), "I've installed it");

        var session = await flow.SessionAsync();
        Assert.Equal(FlowCodes.AdminAccessEnded, session.Failure?.Code);
        Assert.True(session.NeedsNewSignIn);
        var card = await flow.CardAsync();
        Assert.StartsWith("The admin access given for this onboarding ended at", card.Body[0], StringComparison.Ordinal);
        Assert.Equal(["Sign in again", "Cancel"], card.Actions.Select(a => a.Label));
        Assert.Equal(0, await flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.refreshed'"));

        // A fresh sign-in: NetSuite's clock catches up (an assertion from its future would be refused).
        await harness.AdvanceSandboxAsync(TimeSpan.FromMinutes(61));
        await flow.PressAsync(card, "Sign in again");
        Assert.True((await flow.AuthorizeAsync(await flow.CardAsync())).Succeeded);
        await flow.PressAsync(await flow.CardAsync(), "I've installed it");
        var after = await flow.SessionAsync();
        Assert.True(after.Status == SessionStatus.Completed, FlowHarness.Describe(await flow.CardAsync()));
    }

    [Fact]
    public async Task An_abandoned_onboarding_has_its_admin_tokens_revoked_and_erased_by_the_sweep_at_its_deadline()
    {
        await using var harness = await HealthHarness.StartAsync();
        var flow = harness.Flow;
        var session = await flow.AuthorizedAsync();
        var tokens = await StorageTransaction.ReadAsync(flow.Get<Database>(), read => flow.Get<DelegatedTokenStore>().FindAsync(read, session.Id, CancellationToken.None), CancellationToken.None);
        var sweep = flow.Get<AdminAccessSweep>();
        var deadline = session.AdminAccessUntil!.Value;
        Assert.Equal(session.AuthorizedAt!.Value + TimeSpan.FromHours(1), deadline);

        harness.Time.Advance(deadline - harness.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        var early = await sweep.SweepAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var due = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(new AdminAccessSweepResult(0, deadline), early);
        Assert.Equal(new AdminAccessSweepResult(1, null), due);
        Assert.Equal(0, await flow.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        Assert.Equal(1, await flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked' AND outcome = 'revoked' AND actor = 'admin-access-sweep'"));

        // NetSuite's clock did not move: the token is refused because it was revoked, not because it expired.
        var refused = await flow.Get<ISuiteQlClient>().QueryAsync(session.Account!.Value, tokens!.AccessToken, "SELECT id FROM employee", null, CancellationToken.None);
        Assert.Equal(NetSuiteErrorKind.InvalidLogin, refused.Error?.Kind);

        var swept = await flow.SessionAsync();
        Assert.Equal(FlowCodes.AdminAccessEnded, swept.Failure?.Code);
        Assert.Equal(deadline, swept.AdminAccessEndedAt);
        Assert.Equal("Sign in again", (await flow.CardAsync()).Actions[0].Label);
    }

    [Fact]
    public async Task An_access_another_instance_is_ending_is_passed_by_and_revoked_once()
    {
        await using var harness = await HealthHarness.StartAsync();
        var flow = harness.Flow;
        var session = await flow.AuthorizedAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(61));
        var sweep = flow.Get<AdminAccessSweep>();

        // Another instance's sweep holds this onboarding's lease: this one leaves it to them.
        var elsewhere = await flow.Get<WorkLeases>().TryAcquireAsync(AdminAccessSweep.LeaseScope, session.Id.Value, TimeSpan.FromMinutes(2), CancellationToken.None);
        var whileHeld = await sweep.SweepAsync(CancellationToken.None);
        var tokensWhileHeld = await flow.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens");
        await elsewhere!.DisposeAsync();
        var afterwards = await sweep.SweepAsync(CancellationToken.None);
        var again = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(0, whileHeld.Ended);
        Assert.Equal(1, tokensWhileHeld);
        Assert.Equal(1, afterwards.Ended);
        Assert.Equal(0, again.Ended);
        Assert.Equal(1, await flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked'"));
    }

    [Fact]
    public async Task The_sweep_leaves_an_onboarding_still_within_its_hour_alone()
    {
        await using var harness = await HealthHarness.StartAsync();
        var flow = harness.Flow;
        var session = await flow.AuthorizedAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(30));
        var result = await flow.Get<AdminAccessSweep>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, result.Ended);
        Assert.Equal(session.AdminAccessUntil, result.NextDeadline);
        Assert.Equal(1, await flow.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        Assert.Equal(SessionStatus.Waiting, (await flow.SessionAsync()).Status);
    }
}
