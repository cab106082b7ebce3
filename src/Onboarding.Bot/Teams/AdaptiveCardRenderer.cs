using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Teams;

/// <summary>
/// Renders a <see cref="StepView"/> as an Adaptive Card 1.5 (the newest Teams renders): title, checklist,
/// body, facts, table, buttons and small print, kept under <see cref="MaxCardBytes"/>.
/// </summary>
internal static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A size every Teams surface accepts (the connector limit; bots get more, but a status card never needs it).</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>The submitted data key carrying the action's verb.</summary>
    public const string VerbKey = "verb";

    public static JsonObject Render(StepView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = Card(view, FullBody(view));
        if (Encoding.UTF8.GetByteCount(card.ToJsonString()) <= MaxCardBytes)
        {
            return card;
        }

        // A view this large is a bug upstream; still show something true rather than have the message refused.
        return Card(view,
        [
            Header(view),
            Text(view.Summary, wrap: true),
            Text("This card was too large to show in full.", isSubtle: true, size: "Small"),
        ]);
    }

    private static JsonObject Card(StepView view, JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["fallbackText"] = view.Summary,
        ["speak"] = view.Summary,
        ["body"] = body,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
    };

    private static JsonArray FullBody(StepView view)
    {
        var body = new JsonArray { Header(view) };
        if (view.Checklist.Count > 0)
        {
            body.Add(Checklist(view.Checklist));
        }

        if (view.Heading is { Length: > 0 } heading)
        {
            body.Add(Text(heading, weight: "Bolder", separator: view.Checklist.Count > 0));
        }

        foreach (var paragraph in view.Body)
        {
            body.Add(Text(paragraph));
        }

        if (view.Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. view.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = Escape(f.Name), ["value"] = Escape(f.Value) })]),
            });
        }

        if (view.Table is { } table)
        {
            body.Add(Table(table));
        }

        if (view.Actions.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. view.Actions.Select(Action)]) });
        }

        if (view.Footnote is { Length: > 0 } footnote)
        {
            body.Add(Text(footnote, isSubtle: true, size: "Small"));
        }

        return body;
    }

    private static JsonObject Header(StepView view)
    {
        var items = new JsonArray { Text(view.Title, weight: "Bolder", size: "Medium", color: ColorOf(view.Tone)) };
        if (view.Subtitle is { Length: > 0 } subtitle)
        {
            items.Add(Text(subtitle, isSubtle: true, size: "Small", spacing: "None"));
        }

        return new JsonObject { ["type"] = "Container", ["style"] = StyleOf(view.Tone), ["bleed"] = true, ["items"] = items };
    }

    private static JsonObject Checklist(IReadOnlyList<ChecklistItem> items) => new()
    {
        ["type"] = "Container",
        ["items"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = "Small",
            ["columns"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Column",
                    ["width"] = "auto",
                    ["items"] = new JsonArray { Text(SymbolOf(item.State), color: StateColorOf(item.State)) },
                },
                new JsonObject
                {
                    ["type"] = "Column",
                    ["width"] = "stretch",
                    ["items"] = ChecklistLine(item),
                },
            },
        })]),
    };

    private static JsonArray ChecklistLine(ChecklistItem item)
    {
        var line = new JsonArray { Text(item.Label, weight: item.State == ChecklistState.Running ? "Bolder" : null) };
        if (item.Detail is { Length: > 0 } detail)
        {
            line.Add(Text(detail, isSubtle: true, size: "Small", spacing: "None"));
        }

        return line;
    }

    private static JsonObject Table(ViewTable table)
    {
        var header = Row(table.Headers, bold: true);
        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = false,
            ["columns"] = new JsonArray([.. table.Headers.Select(_ => (JsonNode)new JsonObject { ["width"] = 1 })]),
            ["rows"] = new JsonArray([header, .. table.Rows.Select(r => (JsonNode)Row(r, bold: false))]),
        };
    }

    private static JsonObject Row(IReadOnlyList<string> cells, bool bold) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "TableCell",
            ["items"] = new JsonArray { Text(c, weight: bold ? "Bolder" : null) },
        })]),
    };

    private static JsonNode Action(ViewAction action) => action switch
    {
        OpenUrlAction open => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = open.Label, ["url"] = open.Url.AbsoluteUri },
        SubmitAction submit => Submit(submit),
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {action.GetType().Name}."),
    };

    private static JsonObject Submit(SubmitAction submit)
    {
        var data = new JsonObject { [VerbKey] = submit.Verb };
        foreach (var (key, value) in submit.Data)
        {
            data[key] = value;
        }

        var rendered = new JsonObject { ["type"] = "Action.Submit", ["title"] = submit.Label, ["data"] = data };
        if (submit.Style != ActionStyle.Default)
        {
            rendered["style"] = submit.Style == ActionStyle.Destructive ? "destructive" : "positive";
        }

        return rendered;
    }

    private static JsonObject Text(string text, string? weight = null, string? size = null, string? color = null,
        bool isSubtle = false, string? spacing = null, bool separator = false, bool wrap = true)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = Escape(text), ["wrap"] = wrap };
        AddIfSet(block, "weight", weight);
        AddIfSet(block, "size", size);
        AddIfSet(block, "color", color);
        AddIfSet(block, "spacing", spacing);
        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    private static void AddIfSet(JsonObject block, string name, string? value)
    {
        if (value is not null)
        {
            block[name] = value;
        }
    }

    /// <summary>
    /// Views carry plain text but TextBlocks read Markdown: emphasis markers that could pair up are escaped.
    /// Underscores inside words (account ids such as 1234567_SB1) never start emphasis, so they stay as they are.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var intraword = i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            if (c is '*' or '`' || (c == '_' && !intraword))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
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

    private static string? StateColorOf(ChecklistState state) => state switch
    {
        ChecklistState.Done => "Good",
        ChecklistState.Failed => "Attention",
        ChecklistState.Running => "Accent",
        _ => null,
    };

    private static string? ColorOf(Tone tone) => tone switch
    {
        Tone.Good => "Good",
        Tone.Warning => "Warning",
        Tone.Attention => "Attention",
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
