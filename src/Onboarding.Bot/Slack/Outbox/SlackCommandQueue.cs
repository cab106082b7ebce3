using System.Threading.Channels;

namespace Onboarding.Bot.Slack.Outbox;

/// <summary>
/// Wakes <see cref="SlackCommandWorker"/> for outbox entries stored by the endpoints, so Slack is answered at once.
/// Only entry ids travel here; the commands themselves are in <see cref="SlackOutbox"/> and survive a restart.
/// </summary>
internal sealed class SlackCommandQueue
{
    public const int Capacity = 1000;

    private readonly Channel<long> _channel = Channel.CreateBounded<long>(
        new BoundedChannelOptions(Capacity) { SingleReader = false, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<long> Reader => _channel.Reader;

    /// <summary>Stored commands waiting for a worker.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>Queues without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(long entryId) => _channel.Writer.TryWrite(entryId);
}
