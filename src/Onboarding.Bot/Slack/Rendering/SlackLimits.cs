namespace Onboarding.Bot.Slack.Rendering;

/// <summary>Block Kit's limits for messages (chat-platforms.md B5); the renderer never exceeds them.</summary>
internal static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int FieldsPerSection = 10;
    public const int FieldText = 2000;
    public const int ButtonText = 75;
    public const int ButtonsPerActions = 25;
    public const int ActionId = 255;
    public const int ButtonUrl = 3000;
    public const int ConfirmButton = 30;
    public const int FallbackText = 3000;
}
