using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Slack.Rendering;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>StepView → Block Kit: structure, escaping, buttons and Slack's limits.</summary>
public sealed class BlockKitRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();
    private readonly BlockKitRenderer _renderer = new();

    [Fact]
    public void A_step_card_has_header_checklist_section_fields_actions_and_small_print()
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

        Assert.Equal(
            ["header", "context", "context", "context", "divider", "section", "section", "actions", "context"],
            message.Blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("Connect NetSuite 1234567_SB1", (string?)message.Blocks[0]!["text"]!["text"]);
        Assert.Equal("plain_text", (string?)message.Blocks[0]!["text"]!["type"]);
        Assert.Equal("⏳ *Temporary admin access*", Text(message.Blocks[2]!["elements"]![0]));
        Assert.Equal("○ Install the bundle", Text(message.Blocks[3]!["elements"]![0]));
        Assert.Equal("*Lasts*\n1 hour", Text(message.Blocks[6]!["fields"]![0]));
        Assert.Equal("Step 1 of 4: authorize", message.Text);
    }

    [Fact]
    public void Every_checklist_state_has_its_symbol()
    {
        var view = new StepView("t", "s")
        {
            Checklist =
            [
                new("done", ChecklistState.Done, "as Administrator"), new("running", ChecklistState.Running), new("pending", ChecklistState.Pending),
                new("failed", ChecklistState.Failed), new("skipped", ChecklistState.Skipped),
            ],
        };

        var lines = _renderer.Render(view).Blocks.Skip(1).Select(b => Text(b!["elements"]![0])).ToList();

        Assert.Equal(["✓ done — as Administrator", "⏳ *running*", "○ pending", "✗ *failed*", "⏭ skipped"], lines);
    }

    [Fact]
    public void Text_from_the_engine_is_escaped_for_mrkdwn()
    {
        var view = new StepView("Tom & Jerry <Co>", "A & B <c>")
        {
            Subtitle = "by <@U123> & co",
            Body = ["Use <https://evil.example|this link> & enjoy"],
            Facts = [new("R&D", "<b>")],
            Checklist = [new("a < b", ChecklistState.Done, "x > y")],
            Footnote = "NetSuite said: <INVALID_LOGIN> (401) & more",
        };

        var message = _renderer.Render(view);
        var mrkdwn = MrkdwnTexts(message.Blocks).ToList();

        Assert.Contains("by &lt;@U123&gt; &amp; co", mrkdwn);
        Assert.Contains("Use &lt;https://evil.example|this link&gt; &amp; enjoy", mrkdwn);
        Assert.Contains("*R&amp;D*\n&lt;b&gt;", mrkdwn);
        Assert.Contains("✓ a &lt; b — x &gt; y", mrkdwn);
        Assert.Contains("NetSuite said: &lt;INVALID_LOGIN&gt; (401) &amp; more", mrkdwn);
        Assert.All(mrkdwn, t => Assert.DoesNotContain('<', t));
        Assert.Equal("A &amp; B &lt;c&gt;", message.Text);
        Assert.Equal("Tom & Jerry <Co>", (string?)message.Blocks[0]!["text"]!["text"]);
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
    public void A_destructive_button_is_red_and_asks_for_confirmation()
    {
        var view = new StepView("Offboard Contoso", "Offboard?")
        {
            Actions = [new SubmitAction("Offboard Contoso", ChatVerbs.Offboard, new Dictionary<string, string> { ["account"] = "1234567_SB1" }, ActionStyle.Destructive)],
        };

        var button = _renderer.Render(view).Blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;

        Assert.Equal("danger", (string?)button["style"]);
        Assert.NotNull(button["confirm"]);
        Assert.Equal("Offboard Contoso", (string?)button["confirm"]!["confirm"]!["text"]);
        Assert.Equal("danger", (string?)button["confirm"]!["style"]);
    }

    [Fact]
    public void Long_texts_are_cut_to_slacks_limits()
    {
        var view = new StepView(new string('T', 400), new string('S', 5000))
        {
            Body = [new string('b', 5000), new string('c', 2000)],
            Facts = [new(new string('n', 500), new string('v', 5000))],
            Actions = [new SubmitAction(new string('L', 200), "x", NoData)],
        };

        var message = _renderer.Render(view);

        Assert.True(((string?)message.Blocks[0]!["text"]!["text"])!.Length <= 150);
        Assert.All(Sections(message.Blocks), s => Assert.True(((string?)s["text"]?["text"] ?? string.Empty).Length <= 3000));
        Assert.All(message.Blocks.SelectMany(b => b!["fields"]?.AsArray() ?? []), f => Assert.True(Text(f).Length <= 2000));
        var button = message.Blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;
        Assert.True(((string?)button["text"]!["text"])!.Length <= 75);
        Assert.True(message.Text.Length <= 3000);
    }

    [Fact]
    public void Truncation_never_leaves_half_an_entity()
    {
        var view = new StepView("t", "s") { Body = [new string('x', 2998) + "&&&&&&"] };

        var text = Text(Sections(_renderer.Render(view).Blocks).Single()["text"]);

        Assert.True(text.Length <= 3000);
        Assert.EndsWith("x…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_ten_facts_are_split_across_sections()
    {
        var view = new StepView("t", "s") { Facts = [.. Enumerable.Range(1, 23).Select(i => new Fact($"F{i}", $"v{i}"))] };

        var fieldSections = _renderer.Render(view).Blocks.Where(b => b!["fields"] is not null).ToList();

        Assert.Equal([10, 10, 3], fieldSections.Select(s => s!["fields"]!.AsArray().Count));
    }

    [Fact]
    public void A_message_never_has_more_than_fifty_blocks_and_keeps_its_buttons()
    {
        var view = new StepView("t", "s")
        {
            Checklist = [.. Enumerable.Range(1, 80).Select(i => new ChecklistItem($"step {i}", ChecklistState.Done))],
            Facts = [.. Enumerable.Range(1, 600).Select(i => new Fact($"F{i}", $"v{i}"))],
            Actions = [new SubmitAction("Retry", "retry", NoData)],
            Footnote = "small print",
        };

        var blocks = _renderer.Render(view).Blocks;

        Assert.True(blocks.Count <= 50);
        Assert.Equal("actions", (string?)blocks[^2]!["type"]);
        Assert.Equal("small print", Text(blocks[^1]!["elements"]![0]));
    }

    [Fact]
    public void A_long_checklist_collapses_into_a_section_instead_of_dropping_lines()
    {
        var view = new StepView("t", "s") { Checklist = [.. Enumerable.Range(1, 60).Select(i => new ChecklistItem($"step {i}", ChecklistState.Pending))] };

        var blocks = _renderer.Render(view).Blocks;

        Assert.True(blocks.Count <= 50);
        var text = string.Join("\n", Sections(blocks).Select(s => Text(s["text"])));
        Assert.Contains("○ step 1\n", text, StringComparison.Ordinal);
        Assert.EndsWith("○ step 60", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_is_shown_as_aligned_monospaced_rows()
    {
        var view = new StepView("Status", "2 tenants")
        {
            Table = new ViewTable(["Account", "Health"], [["1234567_SB1", "🟢 healthy"], ["TSTDRV1 & co", "🔴 down"]]),
        };

        var text = Text(Sections(_renderer.Render(view).Blocks).Single()["text"]);

        Assert.Equal("```\nAccount       Health\n1234567_SB1   🟢 healthy\nTSTDRV1 &amp; co  🔴 down\n```", text);
    }

    [Fact]
    public void A_table_too_long_for_one_section_says_how_many_rows_are_left_out()
    {
        var rows = Enumerable.Range(1, 200).Select(i => (IReadOnlyList<string>)[$"account-{i:D3}", new string('x', 30)]).ToList();
        var view = new StepView("Status", "200 tenants") { Table = new ViewTable(["Account", "Detail"], rows) };

        var text = Text(Sections(_renderer.Render(view).Blocks).Single()["text"]);

        Assert.True(text.Length <= 3000);
        Assert.Matches(@"_and \d+ more_$", text);
    }

    [Fact]
    public void The_help_view_renders_within_limits()
    {
        var message = _renderer.Render(HelpView.Create());

        Assert.Equal("What I can do", (string?)message.Blocks[0]!["text"]!["text"]);
        Assert.Contains("onboard [account]", string.Join("\n", MrkdwnTexts(message.Blocks)), StringComparison.Ordinal);
        Assert.Contains("rotate &lt;account&gt;", string.Join("\n", MrkdwnTexts(message.Blocks)), StringComparison.Ordinal);
        Assert.True(JsonSerializer.Serialize(message.Blocks).Length < 16_000);
    }

    [Fact]
    public void Oversized_button_data_is_a_bug_not_a_silent_truncation()
    {
        var view = new StepView("t", "s") { Actions = [new SubmitAction("x", "x", new Dictionary<string, string> { ["blob"] = new string('d', 2100) })] };

        Assert.Throws<InvalidOperationException>(() => _renderer.Render(view));
    }

    private static string Text(JsonNode? node) => (string?)node?["text"] ?? string.Empty;

    private static IEnumerable<JsonObject> Sections(JsonArray blocks) =>
        blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "section" && b["text"] is not null);

    private static IEnumerable<string> MrkdwnTexts(JsonArray blocks) =>
        blocks.OfType<JsonObject>().SelectMany(b => new[] { b["text"] }.Concat(b["fields"]?.AsArray() ?? []).Concat(b["elements"]?.AsArray() ?? []))
            .OfType<JsonObject>()
            .Where(t => (string?)t["type"] == "mrkdwn")
            .Select(t => (string)t["text"]!);
}
