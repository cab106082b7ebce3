using System.Threading.Channels;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Slack.Inbound;

/// <summary>
/// Hands accepted commands from the HTTP endpoints to <see cref="SlackCommandWorker"/>, so Slack is answered at once.
/// In memory by design for now: a crash between the acknowledgement and the work loses that one command
/// (the durable outbox is the later step described in DESIGN §5).
/// </summary>
internal sealed class SlackCommandQueue
{
    public const int Capacity = 1000;

    private readonly Channel<ChatCommand> _channel = Channel.CreateBounded<ChatCommand>(
        new BoundedChannelOptions(Capacity) { SingleReader = false, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<ChatCommand> Reader => _channel.Reader;

    /// <summary>Queues without waiting; false when the queue is full.</summary>
    public bool TryEnqueue(ChatCommand command) => _channel.Writer.TryWrite(command);
}
