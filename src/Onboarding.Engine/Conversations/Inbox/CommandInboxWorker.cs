using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// Runs the inbox's commands through the engine's <see cref="IChatCommandHandler"/>, up to <c>Inbox:WorkerConcurrency</c> at a
/// time: those this instance stored as soon as they are committed, and every few moments whatever else is due (stored by
/// another instance, due for a retry, or left by an instance that died). One failing command never stops the others.
/// </summary>
/// <remarks>
/// The failure policy, the same for every channel: a command that throws is tried again after <c>Inbox:RetryDelay</c>
/// (doubling) until <c>Inbox:MaxAttempts</c> runs have started; then the person sees <see cref="CommandApology"/> once and the
/// command is dropped. A conversation the bot can no longer post in is not retried. Engine steps are idempotent (a step
/// already claimed or done only shows the card again), so running a command again after a failure or a crash is safe.
/// </remarks>
public sealed partial class CommandInboxWorker(
    CommandInbox inbox,
    IServiceScopeFactory scopes,
    ChatViews views,
    IOptions<InboxOptions> options,
    TimeProvider timeProvider,
    ILogger<CommandInboxWorker> logger) : BackgroundService
{
    private readonly Dictionary<long, (string Workspace, Task Run)> _running = [];
    private readonly SemaphoreSlim _slotFreed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewLeasesAsync(renewing.Token);
        long? lastCount = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (lastCount is not { } counted || timeProvider.GetElapsedTime(counted) >= settings.PollInterval)
                {
                    lastCount = timeProvider.GetTimestamp();
                    await TryAsync(() => inbox.CountAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
                }

                var free = settings.WorkerConcurrency - RunningCount;
                var claimed = free > 0
                    ? await TryAsync(() => inbox.ClaimAsync(free, FullWorkspaces(), stoppingToken), stoppingToken).ConfigureAwait(false) ?? []
                    : [];
                var started = 0;
                foreach (var command in claimed)
                {
                    if (TryStart(command, stoppingToken))
                    {
                        started++;
                    }
                    else
                    {
                        // Its workspace filled its share within this batch: back to the inbox for when it has room.
                        await TryAsync(() => inbox.ReleaseAsync(command.Id, CancellationToken.None), stoppingToken).ConfigureAwait(false);
                    }
                }

                // Full, or everything due taken: wait for a free slot, a command stored here, or the next look at the inbox.
                if (started == 0 || started == free)
                {
                    await WaitAsync(free - started > 0, settings.PollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: running commands hand themselves back below.
        }
        finally
        {
            Task[] left;
            lock (_running)
            {
                left = [.. _running.Values.Select(r => r.Run)];
            }

            await Task.WhenAll(left).ConfigureAwait(false);
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private int RunningCount
    {
        get
        {
            lock (_running)
            {
                return _running.Count;
            }
        }
    }

    // The most commands of one workspace this instance runs at once: three quarters of its workers (at least one), so that
    // one Teams tenant's or Slack workspace's slow commands (its NetSuite account timing out, its Slack rate limit) never
    // take every worker, and another workspace's command starts at once (docs/security.md, tenant isolation).
    private int WorkspaceShare => Math.Max(1, options.Value.WorkerConcurrency * 3 / 4);

    private string[] FullWorkspaces()
    {
        lock (_running)
        {
            return [.. _running.Values.CountBy(r => r.Workspace).Where(w => w.Value >= WorkspaceShare).Select(w => w.Key)];
        }
    }

    private bool TryStart(ClaimedCommand claimed, CancellationToken stoppingToken)
    {
        lock (_running)
        {
            if (_running.Values.Count(r => r.Workspace == claimed.Workspace) >= WorkspaceShare)
            {
                return false;
            }

            _running[claimed.Id] = (claimed.Workspace, RunAsync(claimed, stoppingToken));
            return true;
        }
    }

    private async Task RunAsync(ClaimedCommand claimed, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once: the handler may run synchronously for a while before its first await.
        await Task.Yield();
        try
        {
            await RunClaimedAsync(claimed, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_running)
            {
                _running.Remove(claimed.Id);
            }

            _slotFreed.Release();
        }
    }

    private async Task WaitAsync(bool roomLeft, TimeSpan poll, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var slot = _slotFreed.WaitAsync(waiting.Token);
        var stored = roomLeft ? inbox.WaitForStoredAsync(waiting.Token).AsTask() : Task.Delay(Timeout.Infinite, waiting.Token);
        var tick = roomLeft ? Task.Delay(poll, timeProvider, waiting.Token) : Task.Delay(Timeout.Infinite, waiting.Token);
        await Task.WhenAny(slot, stored, tick).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();

        // A slot the wait took must be counted again: the loop reads the free slots from what is running, not from the semaphore.
        if (slot.IsCompletedSuccessfully)
        {
            while (_slotFreed.Wait(0, CancellationToken.None))
            {
            }
        }
    }

    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, timeProvider, cancellationToken).ConfigureAwait(false);
                if (RunningCount > 0)
                {
                    await TryAsync(() => inbox.RenewAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // The database can be away for a moment (a failover, a restart): log, wait a little, carry on.
    private async Task<T?> TryAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            InboxStorageFailed(logger, e);
            await Task.Delay(options.Value.PollInterval, timeProvider, CancellationToken.None).ConfigureAwait(false);
            return default;
        }
    }

    private async Task TryAsync(Func<Task> work, CancellationToken cancellationToken) =>
        await TryAsync(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
}
