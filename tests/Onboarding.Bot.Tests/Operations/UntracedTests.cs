using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// With no exporter configured, the host records no span: spans would go nowhere, and recording them cost every health
/// check about 10 µs (docs/operations.md, Telemetry). TelemetryTests shows the posts carrying recorded spans with one.
/// </summary>
/// <remarks>
/// Activity sources are process-wide: a host sampling every span (TelemetryTests) would record this host's spans too, so
/// this runs in that class's collection, never beside it.
/// </remarks>
[Collection(nameof(TelemetryTests))]
public sealed class UntracedTests
{
    [Fact]
    public async Task Without_an_exporter_a_turn_records_no_span()
    {
        await using var bed = await BotTestBed.StartAsync(new Dictionary<string, string?> { ["Health:Enabled"] = "false" });
        var conversation = bed.Conversation($"a:untraced-{Guid.NewGuid():N}");

        (await bed.SendAsync(conversation.Message("help"))).EnsureSuccessStatusCode();

        var reply = Assert.Single(await bed.Connector.WaitForAsync(a => a.ConversationId == conversation.ConversationId));
        // ASP.NET Core still passes the request's trace context on; nothing in the bot recorded a span under it.
        Assert.False(reply.TraceSampled, reply.TraceParent);
    }
}
