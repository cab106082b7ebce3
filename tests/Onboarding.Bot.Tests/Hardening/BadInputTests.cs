using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Slack;
using Onboarding.Bot.Slack.Signing;
using Onboarding.Bot.Teams;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations.Inbox;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>One running host for the rows that need one (typed commands, card data, callback queries).</summary>
public sealed class BadInputHost : IAsyncLifetime
{
    private int _conversations;

    public BotTestBed Bed { get; private set; } = null!;

    public AdminBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
        {
            ["Onboarding:Roles:Operations:0"] = TeamsActivities.RoleEntryOf(BadInputTable.Staff),
            ["Health:Enabled"] = "false",
        });
        Browser = new AdminBrowser(Bed.Host.BaseAddress);
    }

    /// <summary>A conversation of its own for each row, so one row's reply can't satisfy another's.</summary>
    public TeamsActivities NewConversation() => Bed.Conversation($"a:bad-input-{Interlocked.Increment(ref _conversations)}");

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await Bed.DisposeAsync();
    }
}

/// <summary>Runs every row of <see cref="BadInputTable"/>: each bad input gets its own clear message.</summary>
public sealed class BadInputTests(BadInputHost host) : IClassFixture<BadInputHost>
{
    private const string SigningSecret = "bad-input-signing-secret";

    [Theory]
    [MemberData(nameof(BadInputTable.AccountIds), MemberType = typeof(BadInputTable))]
    public void Account_id_is_refused_with_its_reason(string typed, string expected)
    {
        Assert.False(AccountId.TryParse(typed, out _, out var error));
        Assert.Contains(expected, Engine.Language.Wording.English.Say(error), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputTable.Commands), MemberType = typeof(BadInputTable))]
    public async Task Typed_command_gets_a_clear_answer(string text, string userId, string expected)
    {
        var chat = host.NewConversation();

        await host.Bed.SendAsync(chat.Message(text, userId));

        await host.Bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId && a.Shows(expected));
    }

    [Theory]
    [MemberData(nameof(BadInputTable.CardData), MemberType = typeof(BadInputTable))]
    public async Task Card_data_gets_a_clear_answer(string data, string expected)
    {
        var chat = host.NewConversation();

        await host.Bed.SendAsync(chat.Submit(JsonNode.Parse(data)!.AsObject()));

        await host.Bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId && a.Shows(expected));
    }

    [Theory]
    [MemberData(nameof(BadInputTable.CallbackQueries), MemberType = typeof(BadInputTable))]
    public async Task Callback_query_gets_a_page_saying_what_is_wrong(string query, string expectedTitle)
    {
        var (_, page, _) = await host.Browser.OpenBotAsync("/oauth/netsuite/callback" + query);

        Assert.Contains(expectedTitle, HttpUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputTable.SlackSignatures), MemberType = typeof(BadInputTable))]
    public void Slack_signature_headers_get_their_verdict(string? timestamp, string? signature, string body, SlackSignatureCheck expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var verifier = SlackSignatureVerifier.Create(SigningSecret, new FakeTimeProvider(now));
        var sent = Encoding.UTF8.GetBytes("token=x&team_id=T0TEAM&text=onboard");
        var stamp = timestamp switch
        {
            "now" => Seconds(now),
            "now-301" => Seconds(now.AddSeconds(-301)),
            "now+120" => Seconds(now.AddSeconds(120)),
            _ => timestamp,
        };
        var valid = verifier.Sign(stamp is { Length: > 0 } s && long.TryParse(s, out _) ? s : Seconds(now), sent);
        var header = signature switch
        {
            null => null,
            "valid" => valid,
            "wrong-secret" => SlackSignatureVerifier.Create("another-secret", new FakeTimeProvider(now)).Sign(stamp!, sent),
            "truncated" => valid[..^2],
            "not-hex" => "v0=" + new string('z', 64),
            "upper-case" => "v0=" + valid[3..].ToUpperInvariant(),
            "v1=" => "v1=" + valid[3..],
            _ => signature,
        };
        var received = body == "tampered" ? Encoding.UTF8.GetBytes("token=x&team_id=T0TEAM&text=offboard") : sent;

        Assert.Equal(expected, verifier.Verify(stamp, header, received));
    }

    [Theory]
    [MemberData(nameof(BadInputTable.Configuration), MemberType = typeof(BadInputTable))]
    public void Configuration_value_is_refused_naming_the_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        Assert.Contains(named, string.Join('\n', Failures(configuration)), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Failures(IConfiguration configuration)
    {
        var engine = new ServiceCollection().AddLogging().AddNetSuiteClients(configuration).AddOnboardingFlow(configuration).AddConnectionHealth(configuration).BuildServiceProvider();
        yield return Failure(() => _ = engine.GetRequiredService<IOptions<NetSuiteOptions>>().Value);
        yield return Failure(() => _ = engine.GetRequiredService<IOptions<OnboardingOptions>>().Value);
        yield return Failure(() => _ = engine.GetRequiredService<IOptions<HealthOptions>>().Value);
        yield return Failure(() => _ = new ServiceCollection().AddCommandInbox(configuration).BuildServiceProvider().GetRequiredService<IOptions<InboxOptions>>().Value);
        yield return Failure(() => Throw(new SlackOptionsValidator().Validate(null, configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() ?? new SlackOptions())));
        yield return Failure(() => Throw(new BotOptionsValidator().Validate(null, configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions())));
        yield return Failure(() => Throw(new MicrosoftAppOptionsValidator().Validate(null, configuration.Get<MicrosoftAppOptions>() ?? new MicrosoftAppOptions())));
    }

    private static string Failure(Action read)
    {
        try
        {
            read();
            return string.Empty;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private static void Throw(ValidateOptionsResult result)
    {
        if (result.Failed)
        {
            throw new InvalidOperationException(result.FailureMessage);
        }
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
