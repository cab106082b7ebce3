using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Teams;

/// <summary>Wraps a rendered view in a message activity: the card plus its plain-text summary for notifications.</summary>
internal static class CardActivity
{
    public static IMessageActivity Create(StepView view)
    {
        var card = AdaptiveCardRenderer.Render(view);

        // The Bot Framework serializes with Newtonsoft: a System.Text.Json node in Attachment.Content overflows the
        // stack, so the card crosses over as a JObject here and nowhere else.
        var attachment = new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = JObject.Parse(card.ToJsonString()) };
        var activity = MessageFactory.Attachment(attachment);
        activity.Summary = view.Summary;
        return activity;
    }
}
