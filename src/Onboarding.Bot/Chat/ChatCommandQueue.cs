using System.Threading.Channels;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Chat;

/// <summary>
/// Takes commands from the chat endpoints so the platform gets its HTTP answer at once, while
/// <see cref="ChatCommandWorker"/> runs them: onboarding steps can take longer than Teams waits (~15 s) before re-sending.
/// </summary>
/// <remarks>
/// In memory: a crash after the acknowledgement loses the queued command, but nothing it had done — every step is
/// persisted before it is shown, and the card's Retry picks up an interrupted step. A durable outbox is the multi-instance
/// step in DESIGN §5.
/// </remarks>
public sealed class ChatCommandQueue
{
    public const int Capacity = 1000;

    private readonly Channel<ChatCommand> _channel = Channel.CreateBounded<ChatCommand>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<ChatCommand> Reader => _channel.Reader;

    /// <summary>Commands waiting for the worker.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>Queues <paramref name="command"/> without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _channel.Writer.TryWrite(command);
    }
}
