using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class AuthorizationTests
{
    [Fact]
    public async Task First_card_asks_for_one_hour_of_admin_access_with_a_single_use_link()
    {
        await using var harness = await FlowHarness.StartAsync();

        await harness.SendAsync("onboard", FlowHarness.DemoAccount);

        var card = await harness.CardAsync();
        Assert.Equal("Connect NetSuite 1234567_SB1", card.Title);
        Assert.StartsWith("Step 1 of 4", card.Heading, StringComparison.Ordinal);
        Assert.Contains(card.Facts, f => f.Name == "Lasts" && f.Value == "1 hour");
        Assert.Contains("works once and expires in 10 min", card.Footnote, StringComparison.Ordinal);
        var link = Assert.IsType<OpenUrlAction>(card.Actions[0]);
        Assert.Contains("/1234567-sb1/app/login/oauth2/authorize.nl", link.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(card.Actions, a => a.Label == "Cancel");
    }

    [Fact]
    public async Task Denied_consent_fails_step_one_with_a_way_to_sign_in_again()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);

        var result = await harness.AuthorizeAsync(await harness.CardAsync(), decision: "deny");

        Assert.False(result.Succeeded);
        var session = await harness.SessionAsync();
        Assert.Equal((OnboardingStep.AwaitingAuthorization, SessionStatus.Failed), (session.Step, session.Status));
        Assert.Equal(FlowCodes.AuthorizationDenied, session.Failure!.Code);
        var card = await harness.CardAsync();
        Assert.Equal(Tone.Attention, card.Tone);
        Assert.Equal("NetSuite said: access_denied", card.Footnote);

        await harness.PressAsync(card, "Sign in again");
        var renewed = await harness.CardAsync();
        Assert.True((await harness.AuthorizeAsync(renewed)).Succeeded);
        Assert.Equal(OnboardingStep.AwaitingBundle, (await harness.SessionAsync()).Step);
    }

    [Fact]
    public async Task Callback_with_replayed_state_is_refused()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var callback = await harness.ConsentAsync(await harness.CardAsync());

        Assert.True((await harness.CallbackAsync(callback)).Succeeded);
        var replay = await harness.CallbackAsync(callback);

        Assert.False(replay.Succeeded);
        Assert.Equal("This sign-in link was already used", replay.Title.En());
        var session = await harness.SessionAsync();
        Assert.Equal((OnboardingStep.AwaitingBundle, SessionStatus.Waiting), (session.Step, session.Status));
    }

    [Fact]
    public async Task Callback_with_unknown_state_changes_nothing()
    {
        await using var harness = await FlowHarness.StartAsync();
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var callback = await harness.ConsentAsync(await harness.CardAsync());

        var forged = await harness.CallbackAsync(callback with { State = "forged-state-that-was-never-issued-by-us" });

        Assert.False(forged.Succeeded);
        Assert.Equal(OnboardingStep.AwaitingAuthorization, (await harness.SessionAsync()).Step);
        Assert.True((await harness.CallbackAsync(callback)).Succeeded);
    }

    [Fact]
    public async Task Callback_after_the_link_expired_is_refused_and_offers_a_fresh_link()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await FlowHarness.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var callback = await harness.ConsentAsync(await harness.CardAsync());

        clock.Advance(TimeSpan.FromMinutes(11));
        var result = await harness.CallbackAsync(callback);

        Assert.False(result.Succeeded);
        Assert.Equal("This sign-in link has expired", result.Title.En());
        var session = await harness.SessionAsync();
        Assert.Equal(FlowCodes.AuthorizationExpired, session.Failure!.Code);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        await harness.PressAsync(await harness.CardAsync(), "Sign in again");
        Assert.Contains((await harness.CardAsync()).Actions, a => a is OpenUrlAction);
    }

    [Fact]
    public async Task Signing_in_to_another_account_than_the_one_named_is_refused()
    {
        await using var harness = await FlowHarness.StartAsync(extraAccounts: ["7654321_SB1"]);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var callback = await harness.ConsentAsync(await harness.CardAsync());

        var result = await harness.CallbackAsync(callback with { Company = "7654321_SB1" });

        Assert.False(result.Succeeded);
        var session = await harness.SessionAsync();
        Assert.Equal(FlowCodes.AccountMismatch, session.Failure!.Code);
        Assert.Equal(FlowHarness.DemoAccount, session.AccountText);
        Assert.Contains("7654321_SB1", (await harness.CardAsync()).Body[0], StringComparison.Ordinal);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_onboarding_nobody_authorized_does_not_block_the_accounts_admin(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);
        var squatter = new Engine.Conversations.ConversationKey("msteams", "tenant-9", "squatter");
        await harness.SendAsync("onboard", FlowHarness.DemoAccount, conversation: squatter, user: new("user-mallory", "Mallory"));

        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var result = await harness.AuthorizeAsync(await harness.CardAsync());

        Assert.True(result.Succeeded, result.Message.En());
        Assert.Equal(OnboardingStep.AwaitingBundle, (await harness.SessionAsync()).Step);
        Assert.DoesNotContain(harness.Publisher.Messages(harness.Conversation), m => m.Title.Contains("already being onboarded", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task An_account_has_at_most_one_authorized_onboarding_and_the_second_admin_token_is_revoked(StorageProvider provider)
    {
        await using var harness = await FlowHarness.StartAsync(provider: provider);
        var elsewhere = new Engine.Conversations.ConversationKey("msteams", "tenant-1", "other-conversation");
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount, conversation: elsewhere);
        Assert.True((await harness.AuthorizeAsync(await harness.CardAsync())).Succeeded);

        var second = await harness.AuthorizeAsync(await harness.CardAsync(elsewhere));

        Assert.False(second.Succeeded);
        Assert.Equal("This account is already being onboarded", second.Title.En());
        Assert.Equal(FlowCodes.AccountBusy, (await harness.SessionAsync(elsewhere)).Failure!.Code);
        Assert.Equal(OnboardingStep.AwaitingBundle, (await harness.SessionAsync()).Step);
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM delegated_tokens"));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM onboarding_sessions WHERE authorized_at IS NOT NULL"));
    }
}
