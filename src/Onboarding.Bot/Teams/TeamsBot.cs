using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Teams;

/// <summary>
/// The Bot Framework edge: remembers where each conversation lives, then hands messages and joins to the engine.
/// Answers go out through <see cref="IChatPublisher"/>, never straight from here.
/// </summary>
internal sealed class TeamsBot(IChatCommandHandler handler, ConversationReferenceStore references) : ActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is { Length: > 0 } && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            // Stored on every turn: the service URL can change, and proactive posts need the latest one.
            var reference = JsonConvert.SerializeObject(activity.GetConversationReference());
            await references.SaveAsync(ActivityCommands.ConversationOf(activity), reference, cancellationToken).ConfigureAwait(false);
        }

        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        handler.HandleAsync(ActivityCommands.FromMessage(turnContext.Activity), cancellationToken);

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botJoined = membersAdded.Any(m => m.Id == activity.Recipient?.Id);
        var personJoinedPrivateChat = !ActivityCommands.IsShared(activity) && membersAdded.Any(m => m.Id != activity.Recipient?.Id);

        // One welcome per turn; in shared conversations only when the bot itself arrives, so new team members are not spammed.
        return botJoined || personJoinedPrivateChat
            ? handler.HandleAsync(ActivityCommands.Welcome(activity), cancellationToken)
            : Task.CompletedTask;
    }
}
