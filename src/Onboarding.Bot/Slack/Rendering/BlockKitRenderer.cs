using System.Text.Json.Nodes;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Bot.Slack.Rendering;

/// <summary>
/// Turns a <see cref="StepView"/> into Block Kit: a header, the subtitle as context, then rich text — the checklist
/// (sub-steps as an indented list), the current step, the facts and the table as one record per row — then buttons and
/// small print, always within Slack's limits. No text from a view ever becomes mrkdwn: rich text and plain_text show it
/// literally, and the renderer's own structure carries the bold and the indents (<see cref="SlackText"/>, docs/cards.md).
/// </summary>
public sealed partial class BlockKitRenderer
{
    // Per-text budgets that keep any one line within a rich text block's budget (SlackLimits.RichTextBlockText).
    private const int LabelText = 500;
    private const int DetailText = 1500;
    private const int ParagraphText = 2000;
    private const int FactName = 200;
    private const int CellText = 300;

    public SlackMessage Render(StepView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var w = Wording.For(view.Language);
        var head = new List<JsonObject> { BlockKit.Header(SlackText.Plain(Fallback(view.Title, view.Summary), SlackLimits.HeaderText)) };
        if (!string.IsNullOrWhiteSpace(view.Subtitle))
        {
            head.Add(BlockKit.Context(SlackText.Plain(view.Subtitle, SlackLimits.SectionText)));
        }

        var checklist = Checklist(view.Checklist);
        var body = new List<JsonObject>();
        body.AddRange(Step(view));
        body.AddRange(Facts(view.Facts));
        if (view.Table is { } table)
        {
            body.AddRange(Records(table));
        }

        var middle = new List<JsonObject>(checklist);
        if (checklist.Count > 0 && body.Count > 0)
        {
            middle.Add(BlockKit.Divider());
        }

        middle.AddRange(body);
        var tail = new List<JsonObject>();
        if (view.Actions.Count > 0)
        {
            tail.Add(BlockKit.Actions(view.Actions.Take(SlackLimits.ButtonsPerActions).Select((action, index) => Button(w, action, index))));
        }

        if (!string.IsNullOrWhiteSpace(view.Footnote))
        {
            tail.Add(BlockKit.Context(SlackText.Plain(view.Footnote, SlackLimits.SectionText)));
        }

        return new SlackMessage(
            SlackText.Mrkdwn(Fallback(view.Summary, view.Title), SlackLimits.FallbackText),
            new JsonArray([.. Fit(w, head, middle, tail).Cast<JsonNode>()]));
    }

    /// <summary>Steps one per line with their symbol; the parts of a step (level 1 and deeper) as an indented list under it.</summary>
    private static List<JsonObject> Checklist(IReadOnlyList<ChecklistItem> items)
    {
        var blocks = new RichBlocks();
        foreach (var item in items)
        {
            var label = SlackText.Plain(item.Label, LabelText);
            var runs = new List<JsonObject>
            {
                BlockKit.Text(SymbolOf(item.State) + " "),
                BlockKit.Text(label, bold: item.State is ChecklistState.Running or ChecklistState.Failed),
            };
            var length = label.Length + 2;
            if (!string.IsNullOrWhiteSpace(item.Detail))
            {
                var detail = SlackText.Plain(item.Detail, DetailText);
                runs.Add(BlockKit.Text(" — " + detail, italic: true));
                length += detail.Length + 3;
            }

            if (item.Level > 0)
            {
                blocks.Item(runs, length, Math.Min(item.Level, 8) - 1);
            }
            else
            {
                blocks.Line(runs, length);
            }
        }

        return blocks.Finish();
    }

    private static List<JsonObject> Step(StepView view)
    {
        var blocks = new RichBlocks();
        if (!string.IsNullOrWhiteSpace(view.Heading))
        {
            var heading = SlackText.Plain(view.Heading, LabelText);
            blocks.Line([BlockKit.Text(heading, bold: true)], heading.Length);
        }

        foreach (var paragraph in view.Body.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var text = SlackText.Plain(paragraph, ParagraphText);
            blocks.Line([BlockKit.Text(text)], text.Length, paragraph: true);
        }

        return blocks.Finish();
    }

    private static List<JsonObject> Facts(IReadOnlyList<Fact> facts)
    {
        var blocks = new RichBlocks();
        foreach (var fact in facts)
        {
            var name = SlackText.Plain(fact.Name, FactName);
            var value = SlackText.Plain(fact.Value, ParagraphText);
            blocks.Line([BlockKit.Text(name, bold: true), BlockKit.Text("  " + value)], name.Length + value.Length + 2);
        }

        return blocks.Finish();
    }

    /// <summary>
    /// One list item per row: its first cell in bold, then the others. A two-column table is names and what they mean;
    /// wider ones label each value with its column. The same reading order as in Teams (docs/cards.md).
    /// </summary>
    private static List<JsonObject> Records(ViewTable table)
    {
        var blocks = new RichBlocks();
        foreach (var row in table.Rows)
        {
            var first = SlackText.Plain(row.Count > 0 ? row[0] : string.Empty, CellText);
            var runs = new List<JsonObject> { BlockKit.Text(first, bold: true) };
            var length = first.Length;
            for (var column = 1; column < row.Count; column++)
            {
                var label = table.Headers.Count > 2 && column < table.Headers.Count ? SlackText.Plain(table.Headers[column], CellText) + ": " : string.Empty;
                var cell = SlackText.Plain(row[column], CellText);
                runs.Add(BlockKit.Text(column == 1 ? " — " : " · "));
                if (label.Length > 0)
                {
                    runs.Add(BlockKit.Text(label, italic: true));
                }

                runs.Add(BlockKit.Text(cell));
                length += cell.Length + label.Length + 3;
            }

            blocks.Item(runs, length, 0);
        }

        return blocks.Finish();
    }

    private static JsonObject Button(Wording w, ViewAction action, int index)
    {
        var label = SlackText.Plain(action.Label, SlackLimits.ButtonText);
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
                var button = BlockKit.Button(label, Truncated($"{index}-{submit.Verb}", SlackLimits.ActionId));
                button["value"] = new SlackActionValue(submit.Verb, submit.Data).Encode();
                if (submit.Style == ActionStyle.Primary)
                {
                    button["style"] = "primary";
                }
                else if (submit.Style == ActionStyle.Destructive)
                {
                    button["style"] = "danger";
                    button["confirm"] = BlockKit.Confirm(
                        w.Say(nameof(Render_AreYouSure)),
                        SlackText.Plain(w.Say(nameof(Render_CannotBeUndone), submit.Label), SlackLimits.ConfirmText),
                        SlackText.Plain(submit.Label, SlackLimits.ConfirmButton),
                        SlackText.Plain(w.Say(nameof(Button_Keep)), SlackLimits.ConfirmButton));
                }

                return button;
            default:
                throw new NotSupportedException($"No Slack rendering for {action.GetType().Name}.");
        }
    }

    /// <summary>Keeps the header, buttons and small print when content overflows; the middle gives way.</summary>
    private static IEnumerable<JsonObject> Fit(Wording w, List<JsonObject> head, List<JsonObject> middle, List<JsonObject> tail)
    {
        if (head.Count + middle.Count + tail.Count <= SlackLimits.BlocksPerMessage)
        {
            return head.Concat(middle).Concat(tail);
        }

        var kept = middle.Take(SlackLimits.BlocksPerMessage - head.Count - tail.Count - 1);
        return head.Concat(kept).Append(BlockKit.Context(w.Say(nameof(Render_MoreThanFits)))).Concat(tail);
    }

    private static string SymbolOf(ChecklistState state) => state switch
    {
        ChecklistState.Done => "✓",
        ChecklistState.Running => "⏳",
        ChecklistState.Failed => "✗",
        ChecklistState.Skipped => "⏭",
        _ => "○",
    };

    // Ids are ours (verbs), never outside text: cutting them needs no cleaning.
    private static string Truncated(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];

    private static string Fallback(string preferred, string other) => string.IsNullOrWhiteSpace(preferred) ? other : preferred;
}
