namespace Onboarding.Bot.Slack.Rendering;

/// <summary>
/// Block Kit's documented limits for messages (https://docs.slack.dev/reference/block-kit/blocks and the pages of each
/// block and element); the renderer never exceeds them.
/// </summary>
internal static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int ContextElements = 10;
    public const int ButtonText = 75;
    public const int ButtonsPerActions = 25;
    public const int ActionId = 255;
    public const int ButtonUrl = 3000;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int FallbackText = 3000;

    /// <summary>
    /// Slack documents no length limit for a rich text block; each one here carries at most what a section may hold
    /// (<see cref="SectionText"/>), so no block is ever larger than one Slack documents.
    /// </summary>
    public const int RichTextBlockText = SectionText;
}
