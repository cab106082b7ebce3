using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Onboarding.Benchmarks.Turns;

/// <summary>The baseline: a bare Bot Framework bot that answers every message with its own text, inline in the turn.</summary>
public sealed class EchoBot : ActivityHandler
{
    protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
}
