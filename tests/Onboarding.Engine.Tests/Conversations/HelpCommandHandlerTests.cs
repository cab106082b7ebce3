using Moq;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Conversations;

public sealed class HelpCommandHandlerTests
{
    private static readonly ConversationKey Chat = new("msteams", "tenant-1", "a:conv-1");

    [Theory]
    [InlineData("welcome", "Let's connect NetSuite")]
    [InlineData("help", "What I can do")]
    [InlineData("dance", "What I can do")]
    public async Task Welcome_greets_and_everything_else_gets_help(string verb, string title)
    {
        var publisher = new Mock<IChatPublisher>();
        var handler = new HelpCommandHandler(publisher.Object, "Contoso Sync");

        await handler.HandleAsync(Command(verb), CancellationToken.None);

        publisher.Verify(p => p.PublishAsync(Chat, It.Is<StepView>(v => v.Title == title), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static ChatCommand Command(string verb) =>
        new(Chat, new ChatUser("aad-pat", "Pat"), verb, null, new Dictionary<string, string>(), "activity-1", IsSharedConversation: false);
}
