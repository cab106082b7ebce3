using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>Runs queued Slack commands through the engine, a few at a time; one failing command never stops the others.</summary>
internal sealed class SlackCommandWorker(
    SlackCommandQueue queue,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    ILogger<SlackCommandWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.WorkerConcurrency, CancellationToken = stoppingToken },
            HandleAsync);

    private async ValueTask HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        try
        {
            // A scope per command: the engine's handler may depend on scoped services.
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IChatCommandHandler>();
            await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker outlives any one command; the failure is logged with its context.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SlackCommandFailed(logger, exception, command.Verb, command.Conversation.ToString());
        }
    }
}
