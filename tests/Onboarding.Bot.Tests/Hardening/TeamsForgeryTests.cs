using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Forged and replayed input through the real host: OAuth callbacks with replayed, unknown, stale or tampered
/// parameters; card clicks with missing, wrong-typed or another conversation's data; staff commands from others.
/// Each is refused with a message that says so, and — unless the refusal itself is the recorded outcome (a failed
/// sign-in) — the database is byte-for-byte the same afterwards.
/// </summary>
public sealed class TeamsForgeryTests : IAsyncLifetime
{
    private const string Account = TeamsOnboarding.Account;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private TeamsOnboarding _onboarding = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(
            new Dictionary<string, string?> { ["Onboarding:Roles:Operations:0"] = TeamsActivities.RoleEntryOf("29:user-vic"), ["Health:Enabled"] = "false" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task Callback_with_replayed_state_is_refused_and_changes_nothing()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));
        Assert.Equal(HttpStatusCode.OK, (await _browser.FollowToBotAsync(redirect)).Status);
        await _onboarding.CardShowingAsync(a => a.HasButton("I've installed it"));

        await AssertRefusedWithoutChangeAsync(redirect.PathAndQuery, "This sign-in link was already used");
    }

    [Fact]
    public async Task Callback_with_unknown_state_is_refused_and_changes_nothing()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));

        await AssertRefusedWithoutChangeAsync(Replace(redirect, "state", new string('A', 43)), "We don't recognise this sign-in link");
    }

    [Theory]
    [InlineData("code", 3000, "This sign-in link is not valid")]
    [InlineData("state", 2049, "This sign-in link is not valid")]
    [InlineData("error_description", 2049, "This sign-in link is not valid")]
    public async Task Callback_with_an_oversized_parameter_is_refused_and_changes_nothing(string name, int length, string title)
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));

        await AssertRefusedWithoutChangeAsync(Replace(redirect, name, new string('x', length)), title);
    }

    [Fact]
    public async Task Callback_longer_than_the_request_line_limit_is_refused_by_the_server_and_changes_nothing()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));
        var before = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);

        var (status, _, _) = await _browser.OpenBotAsync(Replace(redirect, "error_description", new string('x', 9000)));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, status);
        (await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    [Fact]
    public async Task Callback_with_a_repeated_state_is_refused_and_changes_nothing()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));

        await AssertRefusedWithoutChangeAsync(redirect.PathAndQuery + "&state=second", "This sign-in link is not valid");
    }

    [Fact]
    public async Task Callback_with_an_expired_state_fails_the_step_without_taking_a_token()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));
        _clock.Advance(TimeSpan.FromMinutes(11));

        var (_, page, _) = await _browser.OpenBotAsync(redirect.PathAndQuery);

        Assert.Contains("This sign-in link has expired", page, StringComparison.Ordinal);
        await AssertNoAdminTokenAsync();
    }

    [Fact]
    public async Task Callback_carrying_an_error_fails_the_step_without_taking_a_token()
    {
        var card = await _onboarding.StartAsync();
        var state = HttpUtility.ParseQueryString(card.Link("Authorize in NetSuite").Query)["state"]!;

        var (_, page, _) = await _browser.OpenBotAsync($"/oauth/netsuite/callback?state={state}&error=server_error&error_description=Try+later");

        Assert.Contains("NetSuite did not grant access", page, StringComparison.Ordinal);
        var failed = await _onboarding.CardShowingAsync(a => a.Shows("NetSuite refused the sign-in"));
        Assert.True(failed.HasButton("Sign in again") || failed.Buttons.Count > 0);
        await AssertNoAdminTokenAsync();
    }

    [Fact]
    public async Task Callback_for_another_account_fails_the_step_without_taking_a_token()
    {
        var card = await _onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));

        var (_, page, _) = await _browser.OpenBotAsync(Replace(redirect, "company", "7654321"));

        Assert.Contains("Signed in to a different account", page, StringComparison.Ordinal);
        await _onboarding.CardShowingAsync(a => a.Shows("You signed in to account 7654321"));
        await AssertNoAdminTokenAsync();
    }

    [Fact]
    public async Task State_of_a_cancelled_onboarding_cannot_complete_another_conversations_onboarding()
    {
        var first = await _onboarding.StartAsync();
        var staleRedirect = await _browser.ConsentAsync(first.Link("Authorize in NetSuite"));
        await _bed.SendAsync(_bed.Teams.Submit(first.SubmitData("Cancel"), first.AssignedId));
        await _onboarding.CardShowingAsync(a => a.Shows("Onboarding cancelled"));
        var other = new TeamsOnboarding(_bed, _browser, _bed.Conversation("a:teams-conv-2"));
        await other.StartAsync();

        // Cancelling closed the link, so it counts as used; the other conversation's onboarding is untouched.
        await AssertRefusedWithoutChangeAsync(staleRedirect.PathAndQuery, "This sign-in link was already used");
    }

    [Fact]
    public async Task Card_click_carrying_another_conversations_session_is_refused_and_changes_nothing()
    {
        var card = await _onboarding.StartAsync();
        var elsewhere = _bed.Conversation("a:teams-conv-3");

        await AssertClickRefusedAsync(elsewhere, card.SubmitData("Cancel"), "That button belongs to another conversation");
    }

    public static TheoryData<string, string> ForgedCardData => new()
    {
        { """{"verb":"onboarding.cancel"}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.cancel","session":""}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.cancel","session":42}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.cancel","session":"00000000-0000-0000-0000-000000000000"}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.retry","session":"'; DROP TABLE onboarding_sessions; --"}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.bundle-check","session":["a","b"]}""", "That onboarding no longer exists" },
        { """{"verb":"onboarding.bundle-check","session":{"id":"x"}}""", "That onboarding no longer exists" },
    };

    [Theory]
    [MemberData(nameof(ForgedCardData))]
    public async Task Card_click_with_missing_or_malformed_session_is_refused_and_changes_nothing(string data, string expected)
    {
        await _onboarding.StartAsync();

        await AssertClickRefusedAsync(_bed.Teams, JsonNode.Parse(data)!.AsObject(), expected);
    }

    [Theory]
    [InlineData("offboard 1234567_SB1")]
    [InlineData("rotate 1234567_SB1")]
    [InlineData("alerts here")]
    [InlineData("alerts off")]
    public async Task Staff_only_command_from_someone_else_is_refused_and_changes_nothing(string text)
    {
        await _onboarding.CompleteAsync();
        var before = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);

        await _bed.SendAsync(_bed.Teams.Message(text));

        await _bed.Connector.WaitForAsync(a => !a.IsUpdate && a.Shows("That command is for the vendor's staff"));
        (await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    private async Task AssertClickRefusedAsync(TeamsActivities chat, JsonObject data, string expected)
    {
        var before = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);

        await _bed.SendAsync(chat.Submit(data));

        var reply = (await _bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId && !a.IsUpdate && a.Shows(expected))).Last();
        Assert.NotNull(reply);
        (await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    private async Task AssertRefusedWithoutChangeAsync(string pathAndQuery, string title)
    {
        var before = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);

        var (status, page, _) = await _browser.OpenBotAsync(pathAndQuery);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{status}: {page}");
        Assert.Contains(title, HttpUtility.HtmlDecode(page), StringComparison.Ordinal);
        (await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    private async Task AssertNoAdminTokenAsync()
    {
        var after = await DatabaseSnapshot.TakeAsync(_bed.Host.DatabasePath);
        Assert.Equal(0, after.Rows("delegated_tokens"));
        Assert.Equal(0, after.Rows("tenant_keys"));
    }

    private static string Replace(Uri redirect, string name, string value)
    {
        var query = HttpUtility.ParseQueryString(redirect.Query);
        query[name] = value;
        return $"{redirect.AbsolutePath}?{query}";
    }
}
