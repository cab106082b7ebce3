using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class BundleAndRecoveryTests
{
    [Fact]
    public async Task Bundle_not_installed_yet_keeps_the_install_buttons_and_nothing_is_lost()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        var session = await harness.SessionAsync();
        Assert.Equal((OnboardingStep.AwaitingBundle, SessionStatus.Failed), (session.Step, session.Status));
        var card = await harness.CardAsync();
        Assert.Equal(Tone.Warning, card.Tone);
        Assert.StartsWith("Not installed yet", card.Body[0], StringComparison.Ordinal);
        var install = Assert.IsType<OpenUrlAction>(card.Actions[0]);
        Assert.EndsWith("/1234567-sb1/app/bundler/bundledetails.nl?id=500123", install.Url.AbsoluteUri, StringComparison.Ordinal);

        await harness.InstallBundleAsync();
        await harness.PressAsync(card, "I've installed it");

        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
    }

    public static TheoryData<string, string, string> FaultsAfterAuthorization => new()
    {
        { "bundle check", "/app/site/hosting/restlet.nl", "GET" },
        { "role lookup", "/services/rest/query/v1/suiteql", "POST" },
        { "certificate list", "/services/rest/auth/oauth2/v1/clients/*/certificates", "GET" },
        { "certificate upload", "/services/rest/auth/oauth2/v1/clients/*/certificates", "POST" },
        { "client-credentials token", "/services/rest/auth/oauth2/v1/token", "POST" },
        { "configuration seeding", "/services/rest/record/v1/*", "POST" },
    };

    [Theory]
    [MemberData(nameof(FaultsAfterAuthorization))]
    public async Task A_NetSuite_failure_at_any_step_is_retried_to_Completed_with_exactly_one_active_certificate(string step, string path, string method)
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.AuthorizeAsync(await harness.CardAsync());
        await harness.InstallBundleAsync();
        await harness.InjectFaultAsync(path, method, 503);

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        var failed = await harness.SessionAsync();
        Assert.True(failed.Status == SessionStatus.Failed, $"{step}: {FlowHarness.Describe(await harness.CardAsync())}");
        var card = await harness.CardAsync();
        Assert.Contains("(503)", card.Footnote, StringComparison.Ordinal);
        await harness.PressAsync(card, card.Actions.OfType<SubmitAction>().First().Label);

        var session = await harness.SessionAsync();
        Assert.True(session.Status == SessionStatus.Completed, $"{step}: {FlowHarness.Describe(await harness.CardAsync())}");
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
        Assert.Equal(3, await harness.ScalarAsync("SELECT COUNT(*) FROM post_install_runs WHERE state = 'Done'") - 1);
    }
}
