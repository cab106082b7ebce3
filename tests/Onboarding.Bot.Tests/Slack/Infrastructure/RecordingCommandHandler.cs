using System.Collections.Concurrent;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>
/// Stands in for the engine: records every command the Slack worker hands over. With a <see cref="Gate"/>, each
/// command waits for the test to open it — a deliberately slow engine.
/// </summary>
public sealed class RecordingCommandHandler : IChatCommandHandler
{
    private readonly ConcurrentQueue<ChatCommand> _started = new();
    private readonly ConcurrentQueue<ChatCommand> _handled = new();

    /// <summary>When set, every command waits on it before completing.</summary>
    public TaskCompletionSource? Gate { get; init; }

    /// <summary>Runs after recording, e.g. to publish a view like the engine would.</summary>
    public Func<ChatCommand, CancellationToken, Task>? OnCommand { get; set; }

    public IReadOnlyList<ChatCommand> Started => [.. _started];

    public IReadOnlyList<ChatCommand> Handled => [.. _handled];

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        _started.Enqueue(command);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (OnCommand is { } then)
        {
            await then(command, cancellationToken);
        }

        _handled.Enqueue(command);
    }

    /// <summary>Waits until a command matching <paramref name="match"/> has started; the timeout only prevents a hang.</summary>
    public Task<ChatCommand> WaitForStartedAsync(Func<ChatCommand, bool> match) => WaitAsync(_started, match);

    /// <summary>Waits until a command matching <paramref name="match"/> has completed; the timeout only prevents a hang.</summary>
    public Task<ChatCommand> WaitForHandledAsync(Func<ChatCommand, bool> match) => WaitAsync(_handled, match);

    private static Task<ChatCommand> WaitAsync(ConcurrentQueue<ChatCommand> queue, Func<ChatCommand, bool> match) =>
        Eventually.GetAsync(() => queue.FirstOrDefault(match), "a matching command at the stand-in engine");
}
