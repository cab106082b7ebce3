using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Teams;

/// <summary>
/// Renders a <see cref="StepView"/> as an Adaptive Card 1.5 (the newest Teams renders): title, checklist, body, facts,
/// table, buttons and small print, kept under <see cref="MaxCardBytes"/>. Every text is a <c>TextRun</c> in a
/// <c>RichTextBlock</c>, which hosts show literally (no Markdown), after <see cref="AdaptiveCardText.Inert"/>; the
/// renderer's own structure (weights, sizes, indents) carries all formatting; its own few words are in the view's language.
/// The card does not declare <c>lang</c>: it only steers date functions the card does not use, and the official JavaScript
/// renderer (npm adaptivecards 3.0) checks it with a global regular expression whose state carries over from card to card,
/// so every other valid value is reported invalid (docs/languages.md). Layout choices are explained in docs/cards.md.
/// </summary>
internal static partial class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A size every Teams surface accepts (the connector limit; bots get more, but a status card never needs it).</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>The submitted data key carrying the action's verb.</summary>
    public const string VerbKey = "verb";

    /// <summary>
    /// The longest button title: buttons do not wrap, so a longer one is clipped on a phone-wide card. Every label the
    /// views use fits ("Onboard another account"); names belong in the card's text, not on its buttons.
    /// </summary>
    public const int ButtonTitle = 24;

    /// <summary>How far a sub-step's line is indented per level.</summary>
    private const string IndentWidth = "16px";

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
            Paragraph([Run(view.Summary)]),
            Paragraph([Run(Wording.For(view.Language).Say(nameof(Texts.Render_TooLarge)), subtle: true, size: "Small")]),
        ]);
    }

    private static JsonObject Card(StepView view, JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["fallbackText"] = AdaptiveCardText.Inert(view.Summary),
        ["speak"] = AdaptiveCardText.Inert(view.Summary),
        ["body"] = body,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
    };

    private static JsonArray FullBody(StepView view)
    {
        var body = new JsonArray { Header(view) };
        if (view.Checklist.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. view.Checklist.Select(ChecklistLine)]) });
        }

        if (view.Heading is { Length: > 0 } heading)
        {
            var block = Paragraph([Run(heading, bold: true)]);
            if (view.Checklist.Count > 0)
            {
                block["separator"] = true;
            }

            body.Add(block);
        }

        foreach (var paragraph in view.Body)
        {
            body.Add(Paragraph([Run(paragraph)]));
        }

        if (view.Facts.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. view.Facts.Select(FactLine)]) });
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
            body.Add(Paragraph([Run(footnote, subtle: true, size: "Small")]));
        }

        return body;
    }

    /// <summary>
    /// The tone colours the header's background only; the title stays in the default text colour, which every container
    /// style is designed to carry (coloured text on a tinted background of the same hue is unreadable).
    /// </summary>
    private static JsonObject Header(StepView view)
    {
        var items = new JsonArray { Paragraph([Run(view.Title, bold: true, size: "Medium")]) };
        if (view.Subtitle is { Length: > 0 } subtitle)
        {
            items.Add(Paragraph([Run(subtitle, subtle: true, size: "Small")], spacing: "None"));
        }

        return new JsonObject { ["type"] = "Container", ["style"] = StyleOf(view.Tone), ["bleed"] = true, ["items"] = items };
    }

    /// <summary>Symbol and label side by side; a sub-step is indented and smaller, its detail under its label.</summary>
    private static JsonNode ChecklistLine(ChecklistItem item)
    {
        var level = Math.Clamp(item.Level, 0, 2);
        var size = level > 0 ? "Small" : null;
        var text = new JsonArray { Paragraph([Run(item.Label, bold: item.State == ChecklistState.Running, size: size)]) };
        if (item.Detail is { Length: > 0 } detail)
        {
            text.Add(Paragraph([Run(detail, subtle: true, size: "Small")], spacing: "None"));
        }

        var columns = new JsonArray();
        for (var i = 0; i < level; i++)
        {
            columns.Add(new JsonObject { ["type"] = "Column", ["width"] = IndentWidth, ["items"] = new JsonArray() });
        }

        columns.Add(Column("auto", [Paragraph([Run(SymbolOf(item.State), color: StateColorOf(item.State), size: size)])]));
        columns.Add(Column("stretch", text));
        return new JsonObject { ["type"] = "ColumnSet", ["spacing"] = level > 0 ? "None" : "Small", ["columns"] = columns };
    }

    /// <summary>
    /// A fact as a name column sized to its words and a value column taking the rest. Unlike a FactSet (a table whose value
    /// column never breaks a long id), the value wraps within the card.
    /// </summary>
    private static JsonNode FactLine(Fact fact) => new JsonObject
    {
        ["type"] = "ColumnSet",
        ["spacing"] = "Small",
        ["columns"] = new JsonArray
        {
            Column("auto", [Paragraph([Run(fact.Name, bold: true)])]),
            Column("stretch", [Paragraph([Run(fact.Value)])]),
        },
    };

    /// <summary>
    /// A table as one short record per row — its first cell in bold, then the other cells under it — rather than columns:
    /// a card can be as narrow as a phone, where five columns would break every word (docs/cards.md).
    /// </summary>
    private static JsonObject Table(ViewTable table) => new()
    {
        ["type"] = "Container",
        ["separator"] = true,
        ["items"] = new JsonArray([.. table.Rows.Select((row, index) => (JsonNode)Record(table.Headers, row, index > 0))]),
    };

    private static JsonObject Record(IReadOnlyList<string> headers, IReadOnlyList<string> row, bool separated)
    {
        var items = new JsonArray { Paragraph([Run(row.Count > 0 ? row[0] : string.Empty, bold: true)]) };
        var rest = new List<JsonObject>();
        for (var column = 1; column < row.Count; column++)
        {
            if (rest.Count > 0)
            {
                rest.Add(Run(" · ", subtle: true));
            }

            // A two-column table is a list of names and what they mean; wider ones label each value with its column.
            if (headers.Count > 2 && column < headers.Count)
            {
                rest.Add(Run(headers[column] + ": ", subtle: true));
            }

            rest.Add(Run(row[column]));
        }

        if (rest.Count > 0)
        {
            items.Add(Paragraph(rest, spacing: "None"));
        }

        var record = new JsonObject { ["type"] = "Container", ["spacing"] = "Small", ["items"] = items };
        if (separated)
        {
            record["separator"] = true;
        }

        return record;
    }

    private static JsonNode Action(ViewAction action) => action switch
    {
        OpenUrlAction open => new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = AdaptiveCardText.Inert(open.Label, ButtonTitle), ["url"] = open.Url.AbsoluteUri },
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

        var rendered = new JsonObject { ["type"] = "Action.Submit", ["title"] = AdaptiveCardText.Inert(submit.Label, ButtonTitle), ["data"] = data };
        if (submit.Style != ActionStyle.Default)
        {
            rendered["style"] = submit.Style == ActionStyle.Destructive ? "destructive" : "positive";
        }

        return rendered;
    }
}
