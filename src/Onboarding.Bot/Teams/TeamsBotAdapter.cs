using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Teams;

/// <summary>The CloudAdapter with a turn-error handler that logs and tells the person something went wrong.</summary>
internal sealed class TeamsBotAdapter : CloudAdapter
{
    public TeamsBotAdapter(BotFrameworkAuthentication authentication, IOptions<MicrosoftAppOptions> app, ILogger<TeamsBotAdapter> logger)
        : base(authentication, logger)
    {
        if (app.Value.IsAnonymous)
        {
            Log.AnonymousMode(logger);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            // A proactive post that fails must fail its caller (the publisher), not vanish into an apology.
            if (turnContext.Activity is { Type: ActivityTypes.Event, Name: ActivityEventNames.ContinueConversation })
            {
                ExceptionDispatchInfo.Throw(exception);
            }

            Log.TurnFailed(logger, exception, turnContext.Activity?.Conversation?.Id);
            try
            {
                var speaker = turnContext.Activity is { } activity ? ActivityLocale.Of(activity).Wording : Engine.Language.Wording.English;
                await turnContext.SendActivityAsync(speaker.Say(nameof(Engine.Language.Texts.Host_SomethingWentWrong))).ConfigureAwait(false);
            }
            catch (Exception apologyFailure) when (apologyFailure is not OperationCanceledException)
            {
                // The connector itself is unreachable; the turn failure is already logged.
                Log.ApologyFailed(logger, apologyFailure);
            }
        };
    }
}
