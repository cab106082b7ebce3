using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// The durable hand-off from the chat endpoints (Teams and Slack alike) to the workers that run commands, in the shared
/// database (docs/scale-out.md). A command is stored — and its delivery id recorded in <c>processed_deliveries</c>, the one
/// table that recognises a platform sending the same delivery again — before the platform is answered, so a crash after the
/// acknowledgement loses nothing. Workers of any instance claim stored commands with a lease; a live claim is never taken
/// over, an expired one (its instance died) is.
/// </summary>
/// <remarks>
/// Endpoints calling <see cref="AcceptAsync"/> at the same time share one write transaction (group commit): whoever finds no
/// write under way writes everything waiting, so under a flood the database sees a few large transactions, not one per
/// message, and nobody waits in a queue of connections.
/// </remarks>
public sealed partial class CommandInbox(
    Database database,
    InstanceIdentity instance,
    IOptions<InboxOptions> options,
    TimeProvider timeProvider,
    ILogger<CommandInbox> logger)
{
    /// <summary>Commands handed over and not yet written that make further ones "busy": a bound on memory when the database stalls.</summary>
    public const int MaxUnwritten = 2_000;

    // Large enough that a flood is written in a handful of transactions, small enough that none holds the writer for long.
    private const int MaxBatch = 256;

    private readonly ConcurrentQueue<Unwritten> _unwritten = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Channel<bool> _stored = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _unwrittenCount;
    private readonly WorkspaceShares _shares = new(options.Value.MaxBacklog);

    /// <summary>The name this instance claims commands under.</summary>
    public string Holder => instance.Name;

    /// <summary>Commands waiting or running in the inbox, over all instances, as last counted by this instance's worker.</summary>
    public long Backlog => _shares.Backlog;

    /// <summary>
    /// Stores <paramref name="command"/> unless its delivery was accepted before; returns once it is committed (then the
    /// platform may be answered) or refused as busy.
    /// </summary>
    public async Task<InboxOutcome> AcceptAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_shares.Refuses(command.Conversation.WorkspaceKey) || Volatile.Read(ref _unwrittenCount) >= MaxUnwritten)
        {
            InboxBusy(logger, command.Conversation.Channel, Backlog);
            return InboxOutcome.Busy;
        }

        var unwritten = new Unwritten(command, StoredChatCommand.Serialize(command));
        Interlocked.Increment(ref _unwrittenCount);
        _unwritten.Enqueue(unwritten);
        await WriteWaitingAsync().ConfigureAwait(false);
        return await unwritten.Outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when a command was stored by this instance since the last call, or at once if one was.</summary>
    public ValueTask<bool> WaitForStoredAsync(CancellationToken cancellationToken) => _stored.Reader.ReadAsync(cancellationToken);

    /// <summary>Counts the commands in the inbox (all instances) for <see cref="Backlog"/> and who is busy (<see cref="WorkspaceShares"/>); returns the count.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken) => _shares.CountAsync(database, cancellationToken);

    // Whoever finds no write under way writes every waiting command, batch by batch, then looks again after letting go, so a
    // command queued just as the writer finished is never left behind.
    private async Task WriteWaitingAsync()
    {
        while (!_unwritten.IsEmpty && await _writing.WaitAsync(0).ConfigureAwait(false))
        {
            try
            {
                List<Unwritten> batch;
                while ((batch = TakeBatch()).Count > 0)
                {
                    await WriteAsync(batch).ConfigureAwait(false);
                }
            }
            finally
            {
                _writing.Release();
            }
        }
    }

    private List<Unwritten> TakeBatch()
    {
        var batch = new List<Unwritten>();
        while (batch.Count < MaxBatch && _unwritten.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    private async Task WriteAsync(List<Unwritten> batch)
    {
        try
        {
            var now = timeProvider.GetUtcNow();
            var at = StoredTime.Format(now);

            // Not any caller's token: the batch carries other callers' commands, and each caller stops waiting on its own.
            var outcomes = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
            {
                var outcomes = new InboxOutcome[batch.Count];
                var lastTurns = await WorkspaceShares.LastTurnsAsync(write, batch.Select(u => u.Command.Conversation.WorkspaceKey)).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    var command = batch[i].Command;
                    if (command.DeliveryId is { Length: > 0 } deliveryId
                        && !await ProcessedDeliveries.TryRecordAsync(write, command.Conversation.ToString(), deliveryId, now, CancellationToken.None).ConfigureAwait(false))
                    {
                        outcomes[i] = InboxOutcome.Duplicate;
                        continue;
                    }

                    var workspace = command.Conversation.WorkspaceKey;
                    var turn = ++lastTurns[workspace];
                    await write.ExecuteAsync(
                        "INSERT INTO chat_inbox (channel, workspace, turn, delivery_id, command, received_at, available_at) VALUES (@channel, @workspace, @turn, @deliveryId, @json, @at, @at)",
                        new { channel = command.Conversation.Channel, workspace, turn, deliveryId = command.DeliveryId, json = batch[i].Json, at },
                        CancellationToken.None).ConfigureAwait(false);
                    outcomes[i] = InboxOutcome.Accepted;
                }

                return outcomes;
            }, CancellationToken.None).ConfigureAwait(false);

            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] == InboxOutcome.Duplicate)
                {
                    RepeatedDelivery(logger, batch[i].Command.DeliveryId!);
                }

                batch[i].Outcome.TrySetResult(outcomes[i]);
            }

            if (outcomes.Contains(InboxOutcome.Accepted))
            {
                _stored.Writer.TryWrite(true);
            }
        }
#pragma warning disable CA1031 // Every caller of the batch gets the failure as its own (its endpoint answers with an error).
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var unwritten in batch)
            {
                unwritten.Outcome.TrySetException(e);
            }
        }
        finally
        {
            Interlocked.Add(ref _unwrittenCount, -batch.Count);
        }
    }

    private sealed record Unwritten(ChatCommand Command, string Json)
    {
        public TaskCompletionSource<InboxOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
