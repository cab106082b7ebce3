using System.Net;
using Onboarding.Bot.Tests.Slack.Infrastructure;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Slack is answered while the engine is still busy: the HTTP answer never waits for the work.</summary>
public sealed class SlackAcknowledgementTests
{
    [Fact]
    public async Task The_answer_comes_back_while_a_slow_engine_is_still_working()
    {
        // The engine cannot finish until the test lets it; if the endpoint waited for it, no answer could arrive.
        var engine = new RecordingCommandHandler { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var host = await SlackBotHost.StartAsync(engine);

        var command = await host.Requests.PostCommandAsync("onboard", triggerId: "trigger-slow");
        var mention = await host.Requests.PostEventAsync(SlackPayloads.AppMention("status", "Ev-slow"));
        var click = await host.Requests.PostInteractionAsync(SlackPayloads.BlockActions("0-help", """{"verb":"help","data":{}}""", actionTs: "1700000600.000001"));

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mention.StatusCode);
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        await engine.WaitForStartedAsync(c => c.DeliveryId == "command/trigger-slow");
        Assert.Empty(engine.Handled);

        engine.Gate.SetResult();
        await engine.WaitForHandledAsync(c => c.DeliveryId == "command/trigger-slow");
    }
}
