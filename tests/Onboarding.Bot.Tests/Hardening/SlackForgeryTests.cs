using System.Net;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Forged and replayed Slack requests against the real engine, with an onboarding open: a tampered body, a stale
/// timestamp, the wrong signing secret and a replayed event change nothing in the database.
/// </summary>
public sealed class SlackForgeryTests : IAsyncLifetime
{
    private const string Form = "application/x-www-form-urlencoded";

    private SlackBotHost _host = null!;
    private AdminBrowser _browser = null!;
    private SlackOnboarding _onboarding = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackBotHost.StartAsync(settings: new Dictionary<string, string?> { ["Health:Enabled"] = "false" });
        _browser = new AdminBrowser(_host.Host.BaseAddress);
        _onboarding = new SlackOnboarding(_host, _browser);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string> Forgeries => ["tampered body", "stale timestamp", "wrong secret", "no signature"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_request_is_refused_with_401_and_changes_nothing(string forgery)
    {
        await _onboarding.StartWithSlashCommandAsync("trigger-open");
        var before = await DatabaseSnapshot.TakeAsync(_host.Host.DatabasePath);
        var signed = SlackPayloads.SlashCommandForm("cancel", triggerId: "trigger-forged");

        using var response = forgery switch
        {
            "tampered body" => await _host.Requests.PostAsync(SlackRequests.CommandsPath, SlackPayloads.SlashCommandForm("help"), Form, sentBody: signed),
            "stale timestamp" => await _host.Requests.PostAsync(SlackRequests.CommandsPath, signed, Form, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "wrong secret" => await _host.Requests.PostAsync(SlackRequests.CommandsPath, signed, Form, secret: "an-attackers-guess"),
            _ => await _host.Requests.PostAsync(SlackRequests.CommandsPath, signed, Form, sign: false),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AfterTheQueueHasRunAsync();
        (await DatabaseSnapshot.TakeAsync(_host.Host.DatabasePath)).AssertUnchangedSince(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public async Task Replayed_event_is_acknowledged_and_changes_nothing(int? retryNum)
    {
        await _onboarding.StartWithMentionAsync("Ev-replayed", "1700000300.000100");
        var before = await DatabaseSnapshot.TakeAsync(_host.Host.DatabasePath);

        using var response = await _host.Requests.PostEventAsync(SlackPayloads.AppMention("onboard 1234567_SB1", "Ev-replayed", ts: "1700000300.000100"), retryNum);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AfterTheQueueHasRunAsync();
        var after = await DatabaseSnapshot.TakeAsync(_host.Host.DatabasePath);
        after.AssertUnchangedSince(before);
        Assert.Single(after.Tables["processed_deliveries"].Split('\n'), row => row.Contains("Ev-replayed", StringComparison.Ordinal));
    }

    // Once a later, genuine mention has been answered, the worker has had its chance to run anything the forgery queued.
    private async Task AfterTheQueueHasRunAsync()
    {
        var calls = _host.Slack.Calls.Count;
        using var help = await _host.Requests.PostEventAsync(SlackPayloads.AppMention("help", $"Ev-barrier-{Guid.NewGuid():N}", ts: "1700000400.000100"));
        await _host.Slack.WaitForAsync(_ => true, count: calls + 1);
    }
}
