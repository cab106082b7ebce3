using Onboarding.Engine.Language;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The walking skeleton's command handler: greets on <see cref="ChatVerbs.Welcome"/> and answers everything else
/// with the Help card, in English. The onboarding flow replaces it with the real command router.
/// </summary>
public sealed class HelpCommandHandler(IChatPublisher publisher, string appName = HelpCommandHandler.DefaultAppName) : IChatCommandHandler
{
    public const string DefaultAppName = "our app";

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var wording = Wording.English;
        StepView view = command.Verb switch
        {
            ChatVerbs.Welcome => WelcomeView.Create(wording, appName),
            ChatVerbs.HowItWorks => HowItWorksView.Create(wording, appName),
            _ => HelpView.Create(wording),
        };
        return publisher.PublishAsync(command.Conversation, view, slot: null, cancellationToken);
    }

    public bool AnswersAtOnce(ChatCommand command) => true;
}
