using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>Signed but abusive Slack requests against the real engine: however much one request asks for, it gets at most one answer.</summary>
public sealed class SlackAbuseTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync(settings: new Dictionary<string, string?> { ["Health:Enabled"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Interaction_carrying_300_actions_is_answered_once()
    {
        var payload = SlackPayloads.BlockActions("help-0", """{"verb":"help","data":{}}""");
        var actions = new JsonArray();
        for (var i = 0; i < 300; i++)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = $"help-{i}",
                ["block_id"] = "b1",
                ["value"] = """{"verb":"help","data":{}}""",
                ["action_ts"] = $"1700000200.{i:D6}",
            });
        }

        payload["actions"] = actions;

        using var response = await _host.Requests.PostInteractionAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM processed_deliveries WHERE delivery_id LIKE 'action/%'"));
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage");
    }

    [Theory]
    [InlineData("team")]
    [InlineData("channel")]
    [InlineData("user")]
    public async Task Interaction_with_a_100_KB_id_is_refused_and_queues_nothing(string field)
    {
        var payload = SlackPayloads.BlockActions("help-0", """{"verb":"help","data":{}}""");
        var huge = new string('X', 100 * 1024);
        switch (field)
        {
            case "team": payload["team"]!["id"] = huge; break;
            case "channel": payload["container"]!["channel_id"] = huge; break;
            default: payload["user"]!["id"] = huge; break;
        }

        using var response = await _host.Requests.PostInteractionAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM processed_deliveries"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _host.Host.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
