using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>One-hour re-authorizations for offboarding, and what cancelling or a refused machine token does to an uploaded certificate.</summary>
public sealed class ReauthorizationTests
{
    private const string ManageCertificates = "Manage own OAuth 2.0 Client Credentials certificates";
    private const int AppRoleId = 1001;

    [Fact]
    public async Task Offboarding_whose_revocation_NetSuite_refuses_offers_a_reauthorization_that_revokes_the_certificate()
    {
        await using var harness = await FlowHarness.StartAsync();

        await OffboardWithoutRevokePermissionAsync(harness);

        var done = harness.Question();
        Assert.Contains(done.Facts, f => f.Name == "Not revoked in NetSuite");
        Assert.Contains(done.Body, b => b.Contains("Setup > Integration", StringComparison.Ordinal));
        var request = Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal("Re-authorize 1234567_SB1 for one hour — to revoke its certificate", request.Title);
        Assert.Equal(["Authorize in NetSuite", "Cancel"], request.Actions.Select(a => a.Label));
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());

        var result = await harness.AuthorizeAsync(request);

        Assert.True(result.Succeeded, result.Message.En());
        Assert.Equal(0, await harness.ActiveSandboxCertificatesAsync());
        var finished = Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal(Tone.Good, finished.Tone);
        Assert.Contains(finished.Facts, f => f.Name == "Admin access" && f.Value == "revoked and erased");
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM reauthorizations WHERE protected_refresh_token IS NOT NULL"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked' AND outcome = 'revoked' AND detail LIKE 'reauthorization %'"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'reauthorization.completed' AND outcome = 'ok'"));
    }

    [Fact]
    public async Task When_NetSuite_refuses_to_revoke_the_reauthorization_the_card_does_not_claim_it_was_revoked()
    {
        await using var harness = await FlowHarness.StartAsync();
        await OffboardWithoutRevokePermissionAsync(harness);
        await harness.InjectFaultAsync("/services/rest/auth/oauth2/v1/revoke", "POST", 503, count: 1000);

        var result = await harness.AuthorizeAsync(Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/")));

        var finished = Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Contains(finished.Facts, f => f.Name == "Admin access" && f.Value == "erased here; NetSuite did not confirm the revocation");
        Assert.DoesNotContain("has been revoked", finished.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("has already been revoked", result.Message.En(), StringComparison.Ordinal);
        Assert.Contains("did not confirm", result.Message.En(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_reauthorization_state_is_refused_and_changes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await OffboardWithoutRevokePermissionAsync(harness);
        var callback = await harness.ConsentAsync(Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/")));
        Assert.True((await harness.CallbackAsync(callback)).Succeeded);

        var replay = await harness.CallbackAsync(callback);

        Assert.False(replay.Succeeded);
        Assert.Equal("This sign-in link was already used", replay.Title.En());
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.received' AND detail LIKE 'reauthorization %'"));
    }

    [Fact]
    public async Task A_cancelled_reauthorization_link_no_longer_works()
    {
        await using var harness = await FlowHarness.StartAsync();
        await OffboardWithoutRevokePermissionAsync(harness);
        var request = Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/"));

        await harness.PressAsync(request, "Cancel", user: harness.User);
        Assert.Equal("That command is for the vendor's staff", harness.Publisher.Messages(harness.Conversation)[^1].Title);
        await harness.PressAsync(request, "Cancel", user: harness.Staff);
        var result = await harness.AuthorizeAsync(request);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Re-authorization of 1234567_SB1 cancelled", Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/")).Title, StringComparison.Ordinal);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
    }

    [Fact]
    public async Task Cancelling_after_the_certificate_upload_revokes_it_in_NetSuite_and_erases_the_key()
    {
        await using var harness = await FlowHarness.StartAsync();
        await AuthorizeAndInstallAsync(harness);
        await harness.InjectFaultAsync("/services/rest/auth/oauth2/v1/token", "POST", 503);
        await harness.PressAsync(await harness.CardAsync(), "I've installed it");
        Assert.Equal(SessionStatus.Failed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());

        await harness.PressAsync(await harness.CardAsync(), "Cancel");

        Assert.Equal(SessionStatus.Cancelled, (await harness.SessionAsync()).Status);
        Assert.Equal(0, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM tenant_keys WHERE protected_private_key IS NOT NULL OR status <> 'Revoked'"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.revoked' AND outcome = 'revoked' AND detail LIKE '%cancelled%'"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
    }

    [Fact]
    public async Task A_refused_machine_token_in_step_3_offers_retry_and_a_new_certificate_not_a_new_sign_in()
    {
        await using var harness = await FlowHarness.StartAsync();
        await AuthorizeAndInstallAsync(harness);
        await harness.InjectFaultAsync("/services/rest/auth/oauth2/v1/token", "POST", 400, errorCode: "invalid_grant");

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        var failed = await harness.SessionAsync();
        var card = await harness.CardAsync();
        Assert.True(failed.Failure?.Code == FlowCodes.MachineTokenRefused, FlowHarness.Describe(card));
        Assert.False(failed.NeedsNewSignIn);
        Assert.Equal(["Retry", "Replace certificate", "Cancel"], card.Actions.Select(a => a.Label));
        var replaced = await harness.SandboxCertificatesAsync();

        await harness.PressAsync(card, "Replace certificate");

        Assert.True((await harness.SessionAsync()).Status == SessionStatus.Completed, FlowHarness.Describe(await harness.CardAsync()));
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        var active = (await harness.SandboxCertificatesAsync()).Single(c => c["revoked"]!.GetValue<bool>() == false);
        Assert.DoesNotContain(replaced, c => c["certificate_id"]!.ToString() == active["certificate_id"]!.ToString());
    }

    [Fact]
    public async Task A_refused_admin_token_in_step_3_still_asks_the_admin_to_sign_in_again()
    {
        await using var harness = await FlowHarness.StartAsync();
        await AuthorizeAndInstallAsync(harness);
        await harness.InjectFaultAsync("/services/rest/query/v1/suiteql", "POST", 401, errorCode: "INVALID_LOGIN");

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        var failed = await harness.SessionAsync();
        Assert.True(failed.NeedsNewSignIn, FlowHarness.Describe(await harness.CardAsync()));
        Assert.Equal(["Sign in again", "Cancel"], (await harness.CardAsync()).Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task A_reauthorization_signed_in_to_another_account_is_refused_and_revokes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await OffboardWithoutRevokePermissionAsync(harness);
        var callback = await harness.ConsentAsync(Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/")));

        var result = await harness.CallbackAsync(callback with { Company = "7654321_SB1" });

        Assert.False(result.Succeeded);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Contains("7654321_SB1", Assert.Single(harness.Publisher.SlotsStartingWith("reauthorization/")).Summary, StringComparison.Ordinal);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.received' AND detail LIKE 'reauthorization %'"));
    }

    /// <summary>
    /// Onboards the demo account, takes the certificate permission from the app's role, offboards it (staff, confirmed) and
    /// presses the outcome's Sign in to revoke it.
    /// </summary>
    private static async Task OffboardWithoutRevokePermissionAsync(FlowHarness harness)
    {
        await harness.OnboardAsync();
        await harness.RemovePermissionAsync(AppRoleId, ManageCertificates);
        await harness.SendAsync("offboard", FlowHarness.DemoAccount, user: harness.Staff);
        await harness.PressAsync(harness.Question(), "Offboard 1234567_SB1", user: harness.Staff);
        await harness.PressAsync(harness.Question(), "Sign in to revoke it", user: harness.Staff);
    }

    /// <summary>Steps 1 and 2 done by hand, so a fault can be injected before "I've installed it".</summary>
    private static async Task AuthorizeAndInstallAsync(FlowHarness harness)
    {
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        await harness.InstallBundleAsync();
    }
}
