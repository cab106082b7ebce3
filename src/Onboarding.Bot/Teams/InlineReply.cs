using Microsoft.Bot.Builder;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Teams;

/// <summary>
/// The turn an instant answer (help, the welcome) is being given in: while one is open, a plain view for the same
/// conversation is sent as the turn's own reply — one request to the connector, like any bot answering in its turn —
/// instead of as a proactive message through the stored conversation reference.
/// </summary>
internal static class InlineReply
{
    private static readonly AsyncLocal<Open?> Current = new();

    /// <summary>Opens <paramref name="turn"/> for replies to <paramref name="conversation"/> until disposed.</summary>
    public static IDisposable Begin(ITurnContext turn, ConversationKey conversation)
    {
        var previous = Current.Value;
        Current.Value = new Open(turn, conversation);
        return new Closing(previous);
    }

    /// <summary>The open turn when it belongs to <paramref name="conversation"/>; null otherwise.</summary>
    public static ITurnContext? TurnFor(ConversationKey conversation) =>
        Current.Value is { } open && open.Conversation == conversation ? open.Turn : null;

    private sealed record Open(ITurnContext Turn, ConversationKey Conversation);

    private sealed class Closing(Open? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
