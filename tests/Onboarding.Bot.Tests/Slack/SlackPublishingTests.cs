using System.Net;
using System.Text.Json.Nodes;
using Onboarding.Bot.Slack.WebApi;
using Onboarding.Bot.Tests.Slack.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Views reach Slack through the Web API: one message per card slot, updated in place; notices in its thread.</summary>
public sealed class SlackPublishingTests
{
    private static readonly ConversationKey Channel = new("slack", SlackPayloads.TeamId, SlackPayloads.ChannelId);
    private static readonly CardSlot Onboarding = CardSlot.ForOnboarding("session-1");

    [Fact]
    public async Task A_slash_command_is_answered_with_the_help_card_through_chat_postMessage()
    {
        // No stand-in engine: the host's own command handler answers.
        await using var host = await SlackBotHost.StartAsync();

        await host.Requests.PostCommandAsync("help", triggerId: "trigger-help");

        var post = Assert.Single(await host.Slack.WaitForMethodAsync(SlackWebApiClient.PostMessageMethod));
        Assert.Equal(SlackBotHost.BotToken, post.BearerToken);
        Assert.Equal(SlackPayloads.ChannelId, post.Channel);
        Assert.Contains("what I can do", post.Header, StringComparison.OrdinalIgnoreCase);
        // Rich text shows it literally: the angle brackets stay, with no entity in sight.
        Assert.Contains("offboard <account>", post.BlockTexts);
        Assert.StartsWith("Commands: onboard [account]", post.Text, StringComparison.Ordinal);
        Assert.Null(post.ThreadTs);
    }

    [Fact]
    public async Task A_card_is_posted_once_and_then_updated_in_place()
    {
        var engine = new RecordingCommandHandler();
        await using var host = await SlackBotHost.StartAsync(engine);
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        engine.OnCommand = (command, ct) => publisher.PublishAsync(command.Conversation, HelpView.Create(Wording.English), Onboarding, ct);

        await host.Requests.PostCommandAsync("help", triggerId: "trigger-card");
        var posted = Assert.Single(await host.Slack.WaitForMethodAsync(SlackWebApiClient.PostMessageMethod));
        await publisher.PublishAsync(Channel, new StepView("Connect NetSuite", "Authorized") { Checklist = [new("Authorize", ChecklistState.Done)] }, Onboarding, CancellationToken.None);
        await publisher.PublishAsync(Channel, new StepView("Connect NetSuite", "Bundle verified"), Onboarding, CancellationToken.None);

        Assert.Equal("What I can do", posted.Header);
        var updates = host.Slack.Calls.Where(c => c.Method == SlackWebApiClient.UpdateMethod).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Single(host.Slack.Calls, c => c.Method == SlackWebApiClient.PostMessageMethod);
        Assert.All(updates, u => Assert.Equal("1700000000.000001", u.Ts));
        Assert.All(updates, u => Assert.Equal(SlackPayloads.ChannelId, u.Channel));
        Assert.Equal("Connect NetSuite", updates[0].Header);
        Assert.Contains("✓ ", updates[0].BlockTexts);
        Assert.Contains("Authorize", updates[0].BlockTexts);
        Assert.Equal("Bundle verified", updates[1].Text);

        // Slack's answers set a cookie each time; no later call carries it back (KeepNoCookies).
        Assert.All(host.Slack.Calls, c => Assert.Equal("", c.Cookie));
    }

    [Fact]
    public async Task Clicking_a_button_on_a_posted_card_sends_its_command_back_to_the_engine()
    {
        var engine = new RecordingCommandHandler();
        await using var host = await SlackBotHost.StartAsync(engine);
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        engine.OnCommand = (command, ct) => command.Verb == ChatVerbs.Help
            ? publisher.PublishAsync(command.Conversation, HelpView.Create(Wording.English), Onboarding, ct)
            : Task.CompletedTask;
        await host.Requests.PostCommandAsync("help", triggerId: "trigger-click");
        var card = Assert.Single(await host.Slack.WaitForMethodAsync(SlackWebApiClient.PostMessageMethod));

        var response = await host.Requests.ClickAsync(card, "Start onboarding", "1700000000.000001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var click = await engine.WaitForHandledAsync(c => c.Verb == ChatVerbs.Onboard);
        Assert.Equal(Channel, click.Conversation);
        Assert.StartsWith("action/", click.DeliveryId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_is_threaded_under_its_own_card_and_a_plain_reply_stays_at_the_top_level()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        var other = CardSlot.ForOnboarding("session-2");

        await publisher.PublishAsync(Channel, new StepView("Connect NetSuite 1111111", "Waiting"), Onboarding, CancellationToken.None);
        await publisher.PublishAsync(Channel, new StepView("Connect NetSuite 2222222", "Waiting"), other, CancellationToken.None);
        await publisher.PublishNoticeAsync(Channel, new StepView("Authorized", "Authorized 1111111"), Onboarding, CancellationToken.None);
        await publisher.PublishAsync(Channel, new StepView("What I can do", "Commands"), null, CancellationToken.None);

        var posts = host.Slack.Calls.Where(c => c.Method == SlackWebApiClient.PostMessageMethod).ToList();
        Assert.Equal(4, posts.Count);
        Assert.Null(posts[0].ThreadTs);
        Assert.Null(posts[1].ThreadTs);
        Assert.Equal("1700000000.000001", posts[2].ThreadTs);
        Assert.Null(posts[3].ThreadTs);
    }

    [Fact]
    public async Task A_notice_about_a_card_never_shown_stands_alone()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();

        await publisher.PublishNoticeAsync(Channel, new StepView("Authorized", "Authorized"), Onboarding, CancellationToken.None);

        Assert.Null(Assert.Single(host.Slack.Calls).ThreadTs);
    }

    [Fact]
    public async Task A_conversation_inside_a_thread_is_answered_in_that_thread()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        var thread = new ConversationKey("slack", SlackPayloads.TeamId, $"{SlackPayloads.ChannelId}/1699999999.000009");

        await publisher.PublishAsync(thread, new StepView("Connect NetSuite", "Waiting"), Onboarding, CancellationToken.None);

        var post = Assert.Single(host.Slack.Calls);
        Assert.Equal(SlackPayloads.ChannelId, post.Channel);
        Assert.Equal("1699999999.000009", post.ThreadTs);
    }

    [Fact]
    public async Task A_deleted_card_is_posted_anew()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        await publisher.PublishAsync(Channel, new StepView("Card", "v1"), Onboarding, CancellationToken.None);
        host.Slack.EnqueueError(SlackWebApiClient.UpdateMethod, "message_not_found");

        await publisher.PublishAsync(Channel, new StepView("Card", "v2"), Onboarding, CancellationToken.None);
        await publisher.PublishAsync(Channel, new StepView("Card", "v3"), Onboarding, CancellationToken.None);

        Assert.Equal(
            [SlackWebApiClient.PostMessageMethod, SlackWebApiClient.UpdateMethod, SlackWebApiClient.PostMessageMethod, SlackWebApiClient.UpdateMethod],
            host.Slack.Calls.Select(c => c.Method));
        Assert.Equal("1700000000.000002", host.Slack.Calls[^1].Ts);
    }

    [Fact]
    public async Task Rate_limiting_is_waited_out_as_slack_asks()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        host.Slack.Enqueue(SlackWebApiClient.PostMessageMethod, HttpStatusCode.TooManyRequests, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, TimeSpan.FromSeconds(1));

        await publisher.PublishAsync(Channel, new StepView("Card", "after a wait"), Onboarding, CancellationToken.None);

        Assert.Equal(2, host.Slack.Calls.Count(c => c.Method == SlackWebApiClient.PostMessageMethod));
    }

    [Fact]
    public async Task A_slack_error_surfaces_typed()
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        host.Slack.EnqueueError(SlackWebApiClient.PostMessageMethod, "msg_too_long");

        var failure = await Assert.ThrowsAsync<SlackApiException>(() =>
            publisher.PublishAsync(Channel, new StepView("Card", "v1"), Onboarding, CancellationToken.None));

        Assert.Equal("msg_too_long", failure.Error.Code);
    }

    [Theory]
    [InlineData("not_in_channel")]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    public async Task A_channel_the_bot_can_no_longer_post_in_is_reported_gone(string code)
    {
        await using var host = await SlackBotHost.StartAsync(new RecordingCommandHandler());
        var publisher = host.Services.GetRequiredService<IChatPublisher>();
        host.Slack.EnqueueError(SlackWebApiClient.PostMessageMethod, code);

        var gone = await Assert.ThrowsAsync<ConversationGoneException>(() =>
            publisher.PublishAsync(Channel, new StepView("Card", "v1"), Onboarding, CancellationToken.None));

        Assert.Equal(Channel, gone.Conversation);
        Assert.Equal(code, gone.Reason);
        Assert.Equal(SlackApiErrorKind.ChannelUnavailable, Assert.IsType<SlackApiException>(gone.InnerException).Error.Kind);
    }

    [Fact]
    public async Task A_workspace_without_a_token_is_reported_as_not_installed()
    {
        await using var host = await SlackBotHost.StartAsync(
            new RecordingCommandHandler(),
            new Dictionary<string, string?> { ["Slack:BotToken"] = string.Empty, ["Slack:ClientId"] = "123.456", ["Slack:ClientSecret"] = "client-secret" });
        var publisher = host.Services.GetRequiredService<IChatPublisher>();

        var gone = await Assert.ThrowsAsync<ConversationGoneException>(() =>
            publisher.PublishAsync(Channel, new StepView("Card", "v1"), Onboarding, CancellationToken.None));

        Assert.Equal("not_installed", gone.Reason);
        Assert.Equal(SlackApiErrorKind.NotAuthorized, Assert.IsType<SlackApiException>(gone.InnerException).Error.Kind);
        Assert.Empty(host.Slack.Calls);
    }
}
