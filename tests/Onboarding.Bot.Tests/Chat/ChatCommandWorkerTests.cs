using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Chat;

/// <summary>Commands run after Teams got its answer; a failing one is reported in its conversation and stops nothing else.</summary>
public sealed class ChatCommandWorkerTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BotTestBed.StartAsync(configureServices: services =>
        services.Replace(ServiceDescriptor.Singleton<IChatCommandHandler>(provider =>
            new FailingOnBoom(new HelpCommandHandler(provider.GetRequiredService<IChatPublisher>())))));

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_failing_command_is_answered_with_an_apology_and_the_next_one_still_runs()
    {
        var response = await _bed.SendAsync(_bed.Teams.Message("boom"));
        await _bed.SendAsync(_bed.Teams.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId, count: 2);
        Assert.Contains(replies, r => r.Shows("Something went wrong on my side"));
        Assert.Contains(replies, r => r.Shows("what I can do"));
    }

    private sealed class FailingOnBoom(IChatCommandHandler inner) : IChatCommandHandler
    {
        public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken) =>
            command.Verb == "boom" ? throw new InvalidOperationException("boom") : inner.HandleAsync(command, cancellationToken);
    }
}
