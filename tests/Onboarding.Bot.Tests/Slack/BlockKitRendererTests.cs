using System.Text.Json.Nodes;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;
using Onboarding.Tests.Shared;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>StepView → Block Kit: structure, inert text, buttons and Slack's documented limits.</summary>
public sealed class BlockKitRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();
    private readonly BlockKitRenderer _renderer = new();

    public static TheoryData<string> HostileCases => [.. HostileText.Cases.Select(c => c.Name)];

    [Fact]
    public void A_step_card_has_header_checklist_step_facts_actions_and_small_print()
    {
        var view = new StepView("Connect NetSuite 1234567_SB1", "Step 1 of 4: authorize")
        {
            Subtitle = "Started by Sam",
            Checklist = [new("Temporary admin access", ChecklistState.Running), new("Install the bundle", ChecklistState.Pending)],
            Heading = "Step 1 of 4 — give the app admin access for one hour",
            Body = ["We use it only to install the connection below."],
            Facts = [new("Lasts", "1 hour"), new("Scopes", "REST web services, RESTlets")],
            Actions = [new OpenUrlAction("Authorize in NetSuite", new Uri("https://1234567-sb1.app.netsuite.com/authorize")), new SubmitAction("Cancel", "cancel", NoData)],
            Footnote = "This link works once and expires in 10 minutes.",
        };

        var message = _renderer.Render(view);

        Assert.Equal(["header", "context", "rich_text", "divider", "rich_text", "rich_text", "actions", "context"], message.Blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("Connect NetSuite 1234567_SB1", (string?)message.Blocks[0]!["text"]!["text"]);
        Assert.Equal("plain_text", (string?)message.Blocks[0]!["text"]!["type"]);
        Assert.Equal("⏳ Temporary admin access\n○ Install the bundle", Line(message.Blocks[2]!));
        Assert.True(Bold(message.Blocks[2]!).SequenceEqual(["Temporary admin access"]));
        Assert.Equal("Step 1 of 4 — give the app admin access for one hour\n\nWe use it only to install the connection below.", Line(message.Blocks[4]!));
        Assert.Equal("Lasts  1 hour\nScopes  REST web services, RESTlets", Line(message.Blocks[5]!));
        Assert.Equal(["Lasts", "Scopes"], Bold(message.Blocks[5]!));
        Assert.Equal("plain_text", (string?)message.Blocks[^1]!["elements"]![0]!["type"]);
        Assert.Equal("Step 1 of 4: authorize", message.Text);
    }

    [Fact]
    public void Every_checklist_state_has_its_symbol_and_the_running_and_failed_ones_are_bold()
    {
        var view = new StepView("t", "s")
        {
            Checklist =
            [
                new("done", ChecklistState.Done, "as Administrator"), new("running", ChecklistState.Running), new("pending", ChecklistState.Pending),
                new("failed", ChecklistState.Failed), new("skipped", ChecklistState.Skipped),
            ],
        };

        var checklist = _renderer.Render(view).Blocks[1]!;

        Assert.Equal("✓ done — as Administrator\n⏳ running\n○ pending\n✗ failed\n⏭ skipped", Line(checklist));
        Assert.Equal(["running", "failed"], Bold(checklist));
    }

    [Fact]
    public void Sub_steps_are_an_indented_list_under_their_step()
    {
        var view = new StepView("t", "s")
        {
            Checklist =
            [
                new("Long-term connection", ChecklistState.Running),
                new("Find the app's role", ChecklistState.Done, "customrole_onboarding_app, id 1001") { Level = 1 },
                new("Upload certificate", ChecklistState.Running) { Level = 1 },
                new("Finishing setup", ChecklistState.Pending),
            ],
        };

        var elements = _renderer.Render(view).Blocks[1]!["elements"]!.AsArray();

        Assert.Equal(["rich_text_section", "rich_text_list", "rich_text_section"], elements.Select(e => (string?)e!["type"]));
        var list = elements[1]!;
        Assert.Equal("bullet", (string?)list["style"]);
        Assert.Equal(["✓ Find the app's role — customrole_onboarding_app, id 1001", "⏳ Upload certificate"], list["elements"]!.AsArray().Select(Line));
    }

    [Fact]
    public void The_help_card_shows_every_command_and_its_whole_description()
    {
        var message = _renderer.Render(HelpView.Create(Wording.English));

        var items = message.Blocks.OfType<JsonObject>().SelectMany(b => Descendants(b)).Where(n => (string?)n["type"] == "rich_text_list").SelectMany(l => l["elements"]!.AsArray()).Select(Line).ToList();
        Assert.Equal(HelpView.Commands(Wording.English).Count, items.Count);
        foreach (var (command, description) in HelpView.Commands(Wording.English))
        {
            Assert.Contains($"{command} — {description}", items);
        }

        Assert.Contains(items, i => i.EndsWith("(staff).", StringComparison.Ordinal));
        Assert.Empty(BlockKitLimits.Violations(message.Text, message.Blocks));
    }

    [Fact]
    public void A_wide_table_is_one_record_per_row_with_each_value_labelled()
    {
        var view = new StepView("Status", "2 tenants")
        {
            Table = new ViewTable(["Account", "Company", "State"], [["1234567_SB1", "Demo Company", "🟢 connected"], ["7654321_SB1", "—", "step 2 of 4"]]),
        };

        var list = Descendants(_renderer.Render(view).Blocks).Single(n => (string?)n["type"] == "rich_text_list");

        Assert.Equal(
            ["1234567_SB1 — Company: Demo Company · State: 🟢 connected", "7654321_SB1 — Company: — · State: step 2 of 4"],
            list["elements"]!.AsArray().Select(Line));
        Assert.Equal(["1234567_SB1", "7654321_SB1"], Bold(list));
    }

    [Fact]
    public void No_text_from_a_view_ever_becomes_mrkdwn()
    {
        var message = _renderer.Render(HostileText.Everywhere(HostileText.MarkdownLink));

        Assert.Empty(BlockKitLimits.MrkdwnObjects(message.Blocks));
        var literal = Descendants(message.Blocks).Where(n => (string?)n["type"] is "text" or "plain_text").Select(n => (string?)n["text"]).Count(t => t == HostileText.MarkdownLink);
        Assert.Equal(12, literal);
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Hostile_text_reaches_Slack_as_literal_text_within_the_limits(string name)
    {
        var text = HostileText.Cases.Single(c => c.Name == name).Text;

        var message = _renderer.Render(HostileText.Everywhere(text));

        Assert.Empty(BlockKitLimits.MrkdwnObjects(message.Blocks));
        Assert.Empty(BlockKitLimits.Violations(message.Text, message.Blocks));
        // Every text but the renderer's own line breaks between lines.
        var texts = Descendants(message.Blocks).Where(n => (string?)n["type"] is "text" or "plain_text").Select(n => (string)n["text"]!).Where(t => t is not ("\n" or "\n\n")).ToList();
        Assert.All(texts, t => Assert.DoesNotContain(t.EnumerateRunes(), HostileText.IsForbidden));

        // The notification text is mrkdwn: links and mentions cannot form because < and > arrive as entities.
        Assert.DoesNotContain('<', message.Text);
        Assert.DoesNotContain('>', message.Text);
        Assert.DoesNotContain(message.Text.EnumerateRunes(), HostileText.IsForbidden);
    }

    [Fact]
    public void The_notification_text_escapes_what_mrkdwn_would_read_as_links_and_mentions()
    {
        var message = _renderer.Render(new StepView("t", "Tom & Jerry <https://evil.example|click> <!channel>"));

        Assert.Equal("Tom &amp; Jerry &lt;https://evil.example|click&gt; &lt;!channel&gt;", message.Text);
    }

    [Fact]
    public void Value_buttons_carry_verb_and_data_and_unique_action_ids()
    {
        var view = new StepView("t", "s")
        {
            Actions =
            [
                new SubmitAction("I've installed it", "bundle.check", new Dictionary<string, string> { ["session"] = "s-1" }, ActionStyle.Primary),
                new SubmitAction("Check again", "bundle.check", new Dictionary<string, string> { ["session"] = "s-1" }),
                new OpenUrlAction("Open install page", new Uri("https://example.test/install?id=500123")),
            ],
        };

        var buttons = _renderer.Render(view).Blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]!.AsArray();

        Assert.Equal(3, buttons.Select(b => (string?)b!["action_id"]).Distinct().Count());
        var value = JsonNode.Parse((string)buttons[0]!["value"]!)!;
        Assert.Equal("bundle.check", (string?)value["verb"]);
        Assert.Equal("s-1", (string?)value["data"]!["session"]);
        Assert.Equal("primary", (string?)buttons[0]!["style"]);
        Assert.Null(buttons[1]!["style"]);
        Assert.Equal("https://example.test/install?id=500123", (string?)buttons[2]!["url"]);
        Assert.Null(buttons[2]!["value"]);
    }

    [Fact]
    public void A_destructive_button_is_red_and_asks_in_plain_text()
    {
        var view = new StepView("Offboard Contoso", "Offboard?")
        {
            Actions = [new SubmitAction("Offboard *Contoso*", ChatVerbs.Offboard, new Dictionary<string, string> { ["account"] = "1234567_SB1" }, ActionStyle.Destructive)],
        };

        var button = _renderer.Render(view).Blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;

        Assert.Equal("danger", (string?)button["style"]);
        Assert.Equal("Offboard *Contoso*", (string?)button["confirm"]!["confirm"]!["text"]);
        Assert.Equal("plain_text", (string?)button["confirm"]!["text"]!["type"]);
        Assert.Equal("Offboard *Contoso* can't be undone.", (string?)button["confirm"]!["text"]!["text"]);
        Assert.Equal("danger", (string?)button["confirm"]!["style"]);
    }

    [Fact]
    public void Long_texts_are_cut_to_slacks_limits()
    {
        var view = new StepView(new string('T', 400), new string('S', 5000))
        {
            Body = [new string('b', 5000), new string('c', 2000)],
            Facts = [new(new string('n', 500), new string('v', 5000))],
            Actions = [new SubmitAction(new string('L', 200), "x", NoData, ActionStyle.Destructive)],
            Footnote = new string('f', 5000),
        };

        var message = _renderer.Render(view);

        Assert.Empty(BlockKitLimits.Violations(message.Text, message.Blocks));
        Assert.EndsWith("…", (string?)message.Blocks[0]!["text"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_never_leaves_half_an_entity_in_the_notification_text()
    {
        var message = _renderer.Render(new StepView("t", new string('x', 2997) + "&&&&&&"));

        Assert.True(message.Text.Length <= 3000);
        Assert.EndsWith("x…", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_facts_spread_over_rich_text_blocks_within_the_limits()
    {
        var view = new StepView("t", "s") { Facts = [.. Enumerable.Range(1, 200).Select(i => new Fact($"F{i}", new string('v', 100)))] };

        var message = _renderer.Render(view);

        Assert.True(message.Blocks.Count(b => (string?)b!["type"] == "rich_text") > 1);
        Assert.Empty(BlockKitLimits.Violations(message.Text, message.Blocks));
    }

    [Fact]
    public void A_message_never_has_more_than_fifty_blocks_and_keeps_its_buttons()
    {
        var view = new StepView("t", "s")
        {
            Checklist = [.. Enumerable.Range(1, 80).Select(i => new ChecklistItem($"step {i} " + new string('x', 900), ChecklistState.Done))],
            Facts = [.. Enumerable.Range(1, 600).Select(i => new Fact($"F{i}", new string('v', 500)))],
            Actions = [new SubmitAction("Retry", "retry", NoData)],
            Footnote = "small print",
        };

        var message = _renderer.Render(view);

        Assert.Empty(BlockKitLimits.Violations(message.Text, message.Blocks));
        Assert.Equal("actions", (string?)message.Blocks[^2]!["type"]);
        Assert.Equal("small print", (string?)message.Blocks[^1]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void Oversized_button_data_is_a_bug_not_a_silent_truncation()
    {
        var view = new StepView("t", "s") { Actions = [new SubmitAction("x", "x", new Dictionary<string, string> { ["blob"] = new string('d', 2100) })] };

        Assert.Throws<InvalidOperationException>(() => _renderer.Render(view));
    }

    /// <summary>The text of a rich text block, section or list item as a person reads it.</summary>
    private static string Line(JsonNode? node) => string.Concat(Descendants(node).Where(n => (string?)n["type"] == "text").Select(n => (string?)n["text"]));

    private static List<string?> Bold(JsonNode node) =>
        [.. Descendants(node).Where(n => (string?)n["type"] == "text" && (bool?)n["style"]?["bold"] == true).Select(n => (string?)n["text"])];

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
