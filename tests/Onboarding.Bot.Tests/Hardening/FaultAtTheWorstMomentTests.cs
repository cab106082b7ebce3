using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// NetSuite failing at the moments that decide what the card may claim: one 503 from the token endpoint when the app
/// mints its own first token (retried with a newly signed assertion, so the step just completes), and every revocation of
/// the admin's access refused (the card then says so instead of "revoked"). (Killed right after the code exchange:
/// <see cref="ProcessKillTests"/>; the OpenID metadata down: <see cref="OpenIdMetadataOutageTests"/>.)
/// </summary>
public sealed class FaultAtTheWorstMomentTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private HttpClient _control = null!;
    private TeamsOnboarding _onboarding = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
        {
            ["NetSuite:RetryBaseDelay"] = "00:00:00.050",
            ["Health:Enabled"] = "false",
        });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _control = new HttpClient { BaseAddress = _bed.Service<EmbeddedSandbox>().BaseAddress };
        _onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task One_503_when_the_app_mints_its_own_token_is_retried_and_the_onboarding_completes_without_a_retry_button()
    {
        var step2 = await _onboarding.AuthorizeAsync(await _onboarding.StartAsync());
        await AddFaultAsync("*/services/rest/auth/oauth2/v1/token", status: 503, count: 1);

        var final = await _onboarding.InstallAndConfirmAsync(step2);

        Assert.True(final.Shows("is connected"));
        Assert.DoesNotContain(_onboarding.CardUpdates, a => a.HasButton("Retry"));
        Assert.DoesNotContain((await _control.GetFromJsonAsync<JsonArray>("_sandbox/faults"))!, f => f?["remaining"]?.GetValue<int?>() is > 0);
    }

    [Fact]
    public async Task When_NetSuite_refuses_every_revocation_the_completed_card_does_not_claim_the_access_was_revoked()
    {
        var step2 = await _onboarding.AuthorizeAsync(await _onboarding.StartAsync());
        await AddFaultAsync("*/services/rest/auth/oauth2/v1/revoke", status: 503, count: 1000);

        var final = await _onboarding.InstallAndConfirmAsync(step2);

        Assert.False(final.Shows("revoked at"), string.Join(" | ", final.CardTexts));
        Assert.True(final.Shows("revocation not confirmed by NetSuite"), string.Join(" | ", final.CardTexts));
        var notice = _onboarding.Posts.Last(a => a.Shows("All set"));
        Assert.DoesNotContain("has been revoked", notice.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("revoked at", final.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_NetSuite_refuses_the_revocation_a_cancelled_card_does_not_claim_it_either()
    {
        var step2 = await _onboarding.AuthorizeAsync(await _onboarding.StartAsync());
        await AddFaultAsync("*/services/rest/auth/oauth2/v1/revoke", status: 503, count: 1000);

        await _bed.SendAsync(_bed.Teams.Submit(step2.SubmitData("Cancel"), _onboarding.CardId));

        var cancelled = await _onboarding.CardShowingAsync(a => a.Shows("Onboarding cancelled"));
        Assert.False(cancelled.Shows("has been revoked"), string.Join(" | ", cancelled.CardTexts));
        Assert.True(cancelled.Shows("NetSuite did not confirm that the admin access was revoked"), string.Join(" | ", cancelled.CardTexts));
    }

    [Fact]
    public async Task A_cancelled_onboarding_nobody_signed_in_to_claims_no_revocation()
    {
        var card = await _onboarding.StartAsync();

        await _bed.SendAsync(_bed.Teams.Submit(card.SubmitData("Cancel"), _onboarding.CardId));

        var cancelled = await _onboarding.CardShowingAsync(a => a.Shows("Onboarding cancelled"));
        Assert.False(cancelled.Shows("revoked"), string.Join(" | ", cancelled.CardTexts));
    }

    private async Task AddFaultAsync(string pathPattern, int status, int count)
    {
        using var response = await _control.PostAsJsonAsync("_sandbox/faults", new JsonObject { ["pathPattern"] = pathPattern, ["method"] = "POST", ["status"] = status, ["count"] = count });
        response.EnsureSuccessStatusCode();
    }
}
