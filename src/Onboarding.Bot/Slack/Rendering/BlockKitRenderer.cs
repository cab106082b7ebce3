using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>
/// Turns a <see cref="StepView"/> into Block Kit: header, subtitle, checklist as context lines, the current step as a
/// section, facts as section fields, a table as monospaced text, buttons, and small print — always within Slack's limits.
/// </summary>
public sealed class BlockKitRenderer
{
    private const string Paragraph = "\n\n";

    public SlackMessage Render(StepView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var head = new List<JsonObject> { BlockKit.Header(SlackText.Truncate(Fallback(view.Title, view.Summary), SlackLimits.HeaderText)) };
        if (!string.IsNullOrWhiteSpace(view.Subtitle))
        {
            head.Add(BlockKit.Context(SlackText.EscapeWithin(view.Subtitle, SlackLimits.SectionText)));
        }

        var body = BodySections(view).Concat(FactSections(view.Facts)).ToList();
        if (view.Table is { } table)
        {
            body.Add(TableSection(table));
        }

        var tail = new List<JsonObject>();
        if (view.Actions.Count > 0)
        {
            tail.Add(BlockKit.Actions(view.Actions.Take(SlackLimits.ButtonsPerActions).Select(Button)));
        }

        if (!string.IsNullOrWhiteSpace(view.Footnote))
        {
            tail.Add(BlockKit.Context(SlackText.EscapeWithin(view.Footnote, SlackLimits.SectionText)));
        }

        var divider = view.Checklist.Count > 0 && body.Count > 0 ? 1 : 0;
        head.AddRange(Checklist(view.Checklist, SlackLimits.BlocksPerMessage - head.Count - body.Count - divider - tail.Count));
        if (divider == 1)
        {
            head.Add(BlockKit.Divider());
        }

        head.AddRange(body);
        return new SlackMessage(
            SlackText.EscapeWithin(Fallback(view.Summary, view.Title), SlackLimits.FallbackText),
            new JsonArray([.. Fit(head, tail).Cast<JsonNode>()]));
    }

    /// <summary>One context line per item (each under 3000 characters) reads best; when blocks run short the list becomes one section.</summary>
    private static IEnumerable<JsonObject> Checklist(IReadOnlyList<ChecklistItem> items, int blocksLeft)
    {
        var lines = items.Select(ChecklistLine).ToList();
        if (lines.Count <= blocksLeft)
        {
            return lines.Select(BlockKit.Context);
        }

        return Chunk(lines, "\n").Select(BlockKit.Section);
    }

    private static string ChecklistLine(ChecklistItem item)
    {
        var symbol = item.State switch
        {
            ChecklistState.Done => "✓",
            ChecklistState.Running => "⏳",
            ChecklistState.Failed => "✗",
            ChecklistState.Skipped => "⏭",
            _ => "○",
        };
        var label = SlackText.EscapeWithin(item.Label, 1000);
        var emphasised = item.State is ChecklistState.Running or ChecklistState.Failed ? $"*{label}*" : label;
        return string.IsNullOrWhiteSpace(item.Detail)
            ? $"{symbol} {emphasised}"
            : $"{symbol} {emphasised} — {SlackText.EscapeWithin(item.Detail, 1500)}";
    }

    private static IEnumerable<JsonObject> BodySections(StepView view)
    {
        var paragraphs = new List<string>();
        if (!string.IsNullOrWhiteSpace(view.Heading))
        {
            paragraphs.Add($"*{SlackText.EscapeWithin(view.Heading, SlackLimits.SectionText - 2)}*");
        }

        paragraphs.AddRange(view.Body.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => SlackText.EscapeWithin(p, SlackLimits.SectionText)));
        return Chunk(paragraphs, Paragraph).Select(BlockKit.Section);
    }

    private static IEnumerable<JsonObject> FactSections(IReadOnlyList<Fact> facts) =>
        facts.Select(f => $"*{SlackText.EscapeWithin(f.Name, 200)}*\n{SlackText.EscapeWithin(f.Value, SlackLimits.FieldText - 210)}")
            .Chunk(SlackLimits.FieldsPerSection)
            .Select(BlockKit.Fields);

    /// <summary>A monospaced block keeps columns aligned; rows that do not fit in one section are counted instead.</summary>
    private static JsonObject TableSection(ViewTable table)
    {
        const int maxCell = 40;
        const string fence = "```";
        var rows = new List<IReadOnlyList<string>> { table.Headers };
        rows.AddRange(table.Rows);
        var widths = table.Headers.Select((_, column) =>
            rows.Max(row => column < row.Count ? Math.Min(row[column].Length, maxCell) : 0)).ToArray();

        string Line(IReadOnlyList<string> row) => string.Join("  ", widths.Select((width, column) =>
            SlackText.Truncate(column < row.Count ? row[column] : string.Empty, maxCell).PadRight(width))).TrimEnd();

        var text = new StringBuilder(fence).Append('\n');
        var shown = 0;
        foreach (var row in rows)
        {
            var line = SlackText.Escape(Line(row)) + "\n";
            var more = rows.Count - shown - 1;
            var reserve = fence.Length + (more > 0 ? 40 : 0);
            if (text.Length + line.Length + reserve > SlackLimits.SectionText)
            {
                break;
            }

            text.Append(line);
            shown++;
        }

        text.Append(fence);
        var hidden = rows.Count - shown;
        if (hidden > 0)
        {
            text.Append($"\n_and {hidden} more_");
        }

        return BlockKit.Section(text.ToString());
    }

    private static JsonObject Button(ViewAction action, int index)
    {
        var label = SlackText.Truncate(action.Label, SlackLimits.ButtonText);
        switch (action)
        {
            case OpenUrlAction open:
                var link = BlockKit.Button(label, $"open-{index}");
                link["url"] = open.Url.AbsoluteUri.Length <= SlackLimits.ButtonUrl
                    ? open.Url.AbsoluteUri
                    : throw new InvalidOperationException($"The link behind '{action.Label}' is longer than Slack's {SlackLimits.ButtonUrl} characters.");
                return link;
            case SubmitAction submit:
                // Index first keeps action ids unique on the card even when two buttons share a verb.
                var button = BlockKit.Button(label, SlackText.Truncate($"{index}-{submit.Verb}", SlackLimits.ActionId));
                button["value"] = new SlackActionValue(submit.Verb, submit.Data).Encode();
                if (submit.Style == ActionStyle.Primary)
                {
                    button["style"] = "primary";
                }
                else if (submit.Style == ActionStyle.Destructive)
                {
                    button["style"] = "danger";
                    button["confirm"] = BlockKit.Confirm(
                        "Are you sure?",
                        $"*{SlackText.EscapeWithin(submit.Label, SlackLimits.ButtonText)}* can't be undone.",
                        SlackText.Truncate(submit.Label, SlackLimits.ConfirmButton),
                        "Keep");
                }

                return button;
            default:
                throw new NotSupportedException($"No Slack rendering for {action.GetType().Name}.");
        }
    }

    /// <summary>Keeps the buttons and small print when content overflows; the middle gives way.</summary>
    private static IEnumerable<JsonObject> Fit(List<JsonObject> head, List<JsonObject> tail)
    {
        if (head.Count + tail.Count <= SlackLimits.BlocksPerMessage)
        {
            return head.Concat(tail);
        }

        var kept = head.Take(SlackLimits.BlocksPerMessage - tail.Count - 1);
        return kept.Append(BlockKit.Context("_… more than one message can show_")).Concat(tail);
    }

    /// <summary>Joins pieces with <paramref name="separator"/> into section texts of at most Slack's section length.</summary>
    private static IEnumerable<string> Chunk(IEnumerable<string> pieces, string separator)
    {
        var current = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (current.Length > 0 && current.Length + separator.Length + piece.Length > SlackLimits.SectionText)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(separator);
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Fallback(string preferred, string other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;
}
