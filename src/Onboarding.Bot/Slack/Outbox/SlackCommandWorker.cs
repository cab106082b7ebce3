using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Slack.Outbox;

/// <summary>
/// Runs the outbox's Slack commands through the engine, a few at a time (<c>Slack:WorkerConcurrency</c>): first those a
/// stopped run left behind, then each one the endpoints store. One failing command never stops the others.
/// </summary>
/// <remarks>
/// An entry is deleted once its command has run or failed; only a stop part-way leaves it for the next start. The engine
/// drops a delivery it has already begun, so a command cut off mid-step is not replayed (the card's Retry continues it),
/// while one that never reached the engine runs normally.
/// </remarks>
internal sealed class SlackCommandWorker(
    SlackOutbox outbox,
    SlackCommandQueue queue,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    ILogger<SlackCommandWorker> logger) : BackgroundService
{
    /// <summary>Runs that may start one command; a command under way each time a run stopped may be what stops them.</summary>
    public const int MaxAttempts = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            EntriesAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.WorkerConcurrency, CancellationToken = stoppingToken },
            RunAsync);

    // An id can come both ways (stored while the leftovers were read); the claim lets only one through.
    private async IAsyncEnumerable<long> EntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var leftOver in await outbox.UnclaimedAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return leftOver;
        }

        await foreach (var stored in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return stored;
        }
    }

    private async ValueTask RunAsync(long entryId, CancellationToken cancellationToken)
    {
        SlackOutboxEntry? entry = null;
        try
        {
            entry = await outbox.TryClaimAsync(entryId, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return;
            }

            if (entry.Attempts > MaxAttempts)
            {
                SlackCommandAbandoned(logger, entry.Command.Verb, entry.Command.Conversation.ToString(), entry.Attempts - 1);
            }
            else
            {
                // A scope per command: the engine's handler may depend on scoped services.
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<IChatCommandHandler>();
                await handler.HandleAsync(entry.Command, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the entry stays for the next start.
            throw;
        }
#pragma warning disable CA1031 // The worker outlives any one command; the failure is logged with its context.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SlackCommandFailed(logger, exception, entry?.Command.Verb ?? "?", entry?.Command.Conversation.ToString() ?? $"outbox entry {entryId}");
        }

        if (entry is not null)
        {
            await outbox.CompleteAsync(entryId, cancellationToken).ConfigureAwait(false);
        }
    }
}
