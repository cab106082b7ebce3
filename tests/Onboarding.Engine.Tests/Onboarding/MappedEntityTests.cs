using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>The entity the certificate is mapped to must hold the app's role (C7): checked with the admin's token, explained, never edited.</summary>
public sealed class MappedEntityTests
{
    [Fact]
    public async Task An_admin_without_the_apps_role_is_told_exactly_where_to_add_it_and_Retry_then_completes()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.AuthorizedAsync();
        await harness.InstallBundleAsync();
        await harness.ControlAsync("employees/7/roles/1001/unassign");

        await harness.PressAsync(await harness.CardAsync(), "I've installed it");

        var stopped = await harness.SessionAsync();
        Assert.Equal(FlowCodes.EntityLacksRole, stopped.Failure?.Code);
        Assert.False(stopped.NeedsNewSignIn);
        var card = await harness.CardAsync();
        Assert.Equal("Pat Admin (employee 7) does not have the role \"Onboarding App\" yet. NetSuite maps the app's certificate to a person and a role, and that person must hold the role.", card.Body[0]);
        Assert.Equal("In NetSuite go to Setup > Users/Roles > Manage Users > Pat Admin > Edit > Access tab > Roles, add \"Onboarding App\", Save, then press Retry.", card.Body[1]);
        Assert.Empty(await harness.SandboxCertificatesAsync());

        await harness.ControlAsync("employees/7/roles/1001/assign");
        await harness.PressAsync(card, "Retry");

        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
        Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync());
    }

    [Theory]
    [InlineData(FlowHarness.DemoAccount)]
    [InlineData(FlowHarness.ProductionAccount)]
    public async Task A_ready_account_on_OneWorld_or_not_completes_with_the_certificate_mapped_to_the_admin(string account)
    {
        await using var harness = await FlowHarness.StartAsync();

        var session = await harness.OnboardAsync(account);

        Assert.True(session.Status == SessionStatus.Completed, FlowHarness.Describe(harness.Publisher.Card(session.Id.Value)));
        Assert.Equal(7, session.MappedEntityId);
        var certificate = Assert.Single(await harness.SandboxCertificatesAsync(account));
        Assert.Equal(7, certificate["entity"]!["id"]!.GetValue<long>());
        Assert.Equal(1001, certificate["role"]!["id"]!.GetValue<long>());
    }
}
