using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The walking skeleton's command handler: greets on <see cref="ChatVerbs.Welcome"/> and answers everything else
/// with the Help card. The onboarding flow replaces it with the real command router.
/// </summary>
public sealed class HelpCommandHandler(IChatPublisher publisher, string appName = HelpCommandHandler.DefaultAppName) : IChatCommandHandler
{
    public const string DefaultAppName = "our app";

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var view = command.Verb switch
        {
            ChatVerbs.Welcome => WelcomeView.Create(appName),
            ChatVerbs.HowItWorks => HowItWorksView.Create(appName),
            _ => HelpView.Create(),
        };
        return publisher.PublishAsync(command.Conversation, view, slot: null, cancellationToken);
    }

    public bool AnswersAtOnce(ChatCommand command) => true;
}
