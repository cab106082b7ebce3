using System.Text.Json.Nodes;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Teams;

// The card's building blocks: every text goes in through Run, so none can carry markup.
internal static partial class AdaptiveCardRenderer
{
    private static JsonObject Column(string width, JsonArray items) => new() { ["type"] = "Column", ["width"] = width, ["items"] = items };

    private static JsonObject Paragraph(IEnumerable<JsonObject> runs, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray([.. runs.Cast<JsonNode>()]) };
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    /// <summary>The only way text enters a card: a TextRun, shown literally, with the text made inert.</summary>
    private static JsonObject Run(string text, bool bold = false, string? size = null, string? color = null, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = AdaptiveCardText.Inert(text) };
        if (bold)
        {
            run["weight"] = "Bolder";
        }

        if (size is not null)
        {
            run["size"] = size;
        }

        if (color is not null)
        {
            run["color"] = color;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return run;
    }

    internal static string SymbolOf(ChecklistState state) => state switch
    {
        ChecklistState.Done => "✓",
        ChecklistState.Running => "⏳",
        ChecklistState.Pending => "○",
        ChecklistState.Failed => "✗",
        ChecklistState.Skipped => "⏭",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Only colours that keep a 4.5:1 contrast on a card's background; the symbol's shape carries the state anyway.</summary>
    private static string? StateColorOf(ChecklistState state) => state switch
    {
        ChecklistState.Failed => "Attention",
        ChecklistState.Running => "Accent",
        _ => null,
    };

    private static string StyleOf(Tone tone) => tone switch
    {
        Tone.Good => "good",
        Tone.Warning => "warning",
        Tone.Attention => "attention",
        _ => "emphasis",
    };
}
