using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>The pre-flight right after consent: what the chosen role cannot do is named before anything changes in NetSuite.</summary>
public sealed class PreflightTests
{
    [Fact]
    public async Task Signing_in_with_a_role_that_cannot_finish_setup_names_every_gap_and_changes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.InstallBundleAsync();

        // Pat holds the app's own role too; NetSuite's consent page lets the admin choose it (C11).
        var session = await harness.AuthorizedAsync(role: "1001");

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(OnboardingStep.Authorized, session.Step);
        Assert.Equal(FlowCodes.PreflightFailed, session.Failure!.Code);
        var card = await harness.CardAsync();
        Assert.Equal("Step 1 of 4 — the role you chose can't finish the setup", card.Heading);
        Assert.Contains("look up roles", card.Body[0], StringComparison.Ordinal);
        Assert.Contains("read employee records", card.Body[0], StringComparison.Ordinal);
        Assert.Contains("admits only the Administrator role", card.Body[0], StringComparison.Ordinal);
        Assert.DoesNotContain("upload the app's certificate", card.Body[0], StringComparison.Ordinal);
        Assert.Equal(["Sign in again", "Retry", "Cancel"], card.Actions.Select(a => a.Label));
        Assert.Equal(ChecklistState.Failed, card.Checklist[0].State);
        Assert.Empty(await harness.SandboxCertificatesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM tenant_keys"));
    }

    [Fact]
    public async Task Sign_in_again_revokes_the_first_access_and_with_Administrator_the_onboarding_goes_on()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.InstallBundleAsync();
        await harness.AuthorizedAsync(role: "1001");

        await harness.PressAsync(await harness.CardAsync(), "Sign in again");
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked' AND outcome = 'revoked'"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        var result = await harness.AuthorizeAsync(await harness.CardAsync());

        Assert.True(result.Succeeded, result.Message.En());
        Assert.Equal(OnboardingStep.AwaitingBundle, (await harness.SessionAsync()).Step);
        await harness.PressAsync(await harness.CardAsync(), "I've installed it");
        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
    }

    [Fact]
    public async Task Server_SuiteScript_switched_off_is_named_and_Retry_goes_on_once_it_is_back()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.ControlAsync("features/ServerSuiteScript/disable");

        var session = await harness.AuthorizedAsync();

        Assert.Equal(FlowCodes.PreflightFailed, session.Failure?.Code);
        Assert.Contains("Server SuiteScript", (await harness.CardAsync()).Body[0], StringComparison.Ordinal);
        await harness.ControlAsync("features/ServerSuiteScript/enable");
        await harness.PressAsync(await harness.CardAsync(), "Retry");
        var after = await harness.SessionAsync();
        Assert.Equal(OnboardingStep.AwaitingBundle, after.Step);
        Assert.Equal(SessionStatus.Waiting, after.Status);
    }

    [Fact]
    public async Task A_full_certificate_limit_is_found_before_anything_is_uploaded()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.InstallBundleAsync();
        for (var i = 0; i < 5; i++)
        {
            await harness.UploadForeignCertificateAsync();
        }

        var session = await harness.AuthorizedAsync();

        Assert.Equal(FlowCodes.PreflightFailed, session.Failure?.Code);
        Assert.Contains("already has 5 active certificates", (await harness.CardAsync()).Body[0], StringComparison.Ordinal);
    }
}
