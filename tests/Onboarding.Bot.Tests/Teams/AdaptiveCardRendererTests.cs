using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Bot.Teams;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Views;
using Onboarding.Tests.Shared;

namespace Onboarding.Bot.Tests.Teams;

/// <summary>StepView → Adaptive Card: structure, inert text, layout that survives long values, and the size limit.</summary>
public sealed class AdaptiveCardRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> SessionData = new Dictionary<string, string> { ["session"] = "s-1" };

    public static TheoryData<string> HostileCases => [.. HostileText.Cases.Select(c => c.Name)];

    [Fact]
    public void Card_is_version_1_5_with_the_summary_as_fallback_text()
    {
        var card = AdaptiveCardRenderer.Render(new StepView("Connect NetSuite", "Step 1 of 4: authorize"));

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Step 1 of 4: authorize", (string?)card["fallbackText"]);
    }

    [Fact]
    public void Checklist_shows_each_state_with_its_symbol_in_order()
    {
        var view = new StepView("Connect", "Connecting")
        {
            Checklist =
            [
                new ChecklistItem("Authorize", ChecklistState.Done, "as Administrator"),
                new ChecklistItem("Install bundle", ChecklistState.Running),
                new ChecklistItem("Connect", ChecklistState.Pending),
                new ChecklistItem("Routines", ChecklistState.Failed),
                new ChecklistItem("Extras", ChecklistState.Skipped),
            ],
        };

        var symbols = Descendants(AdaptiveCardRenderer.Render(view))
            .Where(n => (string?)n["type"] == "Column" && (string?)n["width"] == "auto")
            .Select(n => Runs(n).Single());

        Assert.Equal(["✓", "⏳", "○", "✗", "⏭"], symbols);
    }

    [Fact]
    public void A_sub_step_is_indented_and_smaller_than_its_step()
    {
        var view = new StepView("Connect", "Connecting")
        {
            Checklist = [new ChecklistItem("Long-term connection", ChecklistState.Running), new ChecklistItem("Upload certificate", ChecklistState.Running) { Level = 1 }],
        };

        var lines = Descendants(AdaptiveCardRenderer.Render(view)).Where(n => (string?)n["type"] == "ColumnSet").ToList();

        Assert.Equal(2, lines[0]["columns"]!.AsArray().Count);
        var sub = lines[1]["columns"]!.AsArray();
        Assert.Equal(3, sub.Count);
        Assert.Equal("16px", (string?)sub[0]!["width"]);
        Assert.All(Descendants(lines[1]).Where(n => (string?)n["type"] == "TextRun"), r => Assert.Equal("Small", (string?)r["size"]));
        Assert.DoesNotContain(Descendants(lines[0]).Where(n => (string?)n["type"] == "TextRun"), r => r["size"] is not null);
    }

    [Fact]
    public void Facts_are_a_name_column_and_a_value_column_that_wraps_never_a_FactSet()
    {
        // A FactSet is a table whose value column never breaks a long id: one certificate id clipped every other fact.
        var view = new StepView("Connected", "Connected") { Facts = [new Fact("Certificate", new string('W', 43)), new Fact("Connection", "machine-to-machine, role Onboarding App Integration (id 1001)")] };

        var nodes = Descendants(AdaptiveCardRenderer.Render(view)).ToList();

        Assert.DoesNotContain(nodes, n => (string?)n["type"] == "FactSet");
        var facts = nodes.Where(n => (string?)n["type"] == "ColumnSet").ToList();
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal(["auto", "stretch"], f["columns"]!.AsArray().Select(c => (string?)c!["width"])));
        Assert.Equal(["Certificate", new string('W', 43)], Runs(facts[0]));
    }

    [Fact]
    public void A_table_is_one_record_per_row_with_every_word_of_every_cell()
    {
        var view = new StepView("Help", "Commands")
        {
            Table = new ViewTable(["Command", "What it does"], [["rotate <account>", "Replace the account's certificate now (staff)."], ["offboard <account>", "Disconnect the account."]]),
        };

        var records = Descendants(AdaptiveCardRenderer.Render(view)).Where(n => (string?)n["type"] == "Container" && n["style"] is null && n["items"]!.AsArray().All(i => (string?)i!["type"] == "RichTextBlock")).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(["rotate <account>", "Replace the account's certificate now (staff)."], Runs(records[0]));
        Assert.Equal("Bolder", (string?)Descendants(records[0]).First(n => (string?)n["type"] == "TextRun")["weight"]);
        Assert.DoesNotContain(Descendants(AdaptiveCardRenderer.Render(view)), n => (string?)n["type"] == "Table");
    }

    [Fact]
    public void A_wide_table_labels_each_value_with_its_column()
    {
        var view = new StepView("Status", "1 onboarding")
        {
            Table = new ViewTable(["Account", "Company", "State"], [["1234567_SB1", "Demo Company", "🟢 connected"]]),
        };

        var texts = Runs(AdaptiveCardRenderer.Render(view));

        Assert.Equal(["Status", "1234567_SB1", "Company: ", "Demo Company", " · ", "State: ", "🟢 connected"], texts);
    }

    [Fact]
    public void The_header_tints_its_background_and_keeps_the_title_in_the_default_colour()
    {
        foreach (var tone in Enum.GetValues<Tone>())
        {
            var header = AdaptiveCardRenderer.Render(new StepView("Title", "Summary", tone) { Subtitle = "Started by Sam" })["body"]![0]!;

            Assert.Equal("Container", (string?)header["type"]);
            Assert.NotNull((string?)header["style"]);
            Assert.All(Descendants(header).Where(n => (string?)n["type"] == "TextRun"), r => Assert.Null(r["color"]));
        }
    }

    [Fact]
    public void Only_readable_colours_mark_checklist_states()
    {
        var view = new StepView("t", "s") { Checklist = [.. Enum.GetValues<ChecklistState>().Select(s => new ChecklistItem(s.ToString(), s))] };

        var colours = Descendants(AdaptiveCardRenderer.Render(view))
            .Where(n => (string?)n["type"] == "TextRun" && n["color"] is not null)
            .Select(n => (string?)n["color"])
            .ToHashSet();

        // Teams' green and yellow fall below 3:1 on white; red and accent keep above 4.5:1.
        Assert.Subset(new HashSet<string?> { "Attention", "Accent" }, colours);
    }

    [Fact]
    public void Every_text_of_a_view_becomes_a_TextRun_so_no_host_reads_it_as_Markdown()
    {
        var card = AdaptiveCardRenderer.Render(HostileText.Everywhere(HostileText.MarkdownLink));

        var nodes = Descendants(card).ToList();
        Assert.DoesNotContain(nodes, n => (string?)n["type"] is "TextBlock" or "FactSet" or "Fact");
        Assert.Equal(12, nodes.Count(n => (string?)n["type"] == "TextRun" && (string?)n["text"] == HostileText.MarkdownLink));
        Assert.DoesNotContain(nodes, n => n["selectAction"] is not null);
        Assert.Equal(HostileText.MarkdownLink, (string?)card["fallbackText"]);
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Hostile_text_reaches_the_card_as_inert_literal_text(string name)
    {
        var text = HostileText.Cases.Single(c => c.Name == name).Text;

        var card = AdaptiveCardRenderer.Render(HostileText.Everywhere(text));

        var inert = AdaptiveCardText.Inert(text);
        var runs = Descendants(card).Where(n => (string?)n["type"] == "TextRun").Select(n => (string)n["text"]!).Where(t => t == inert).ToList();
        Assert.Equal(12, runs.Count);
        var title = AdaptiveCardText.Inert(text, AdaptiveCardRenderer.ButtonTitle);
        Assert.True(title.Length <= AdaptiveCardRenderer.ButtonTitle);
        Assert.All(Descendants(card).Where(n => (string?)n["type"] is "Action.Submit" or "Action.OpenUrl"), a => Assert.Equal(title, (string?)a["title"]));
        Assert.DoesNotContain("{{", inert, StringComparison.Ordinal);
        // The only invisible character left is the word joiner that keeps two braces from forming a text function.
        Assert.DoesNotContain(inert.Replace("{\u2060", "{", StringComparison.Ordinal).EnumerateRunes(), HostileText.IsForbidden);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= AdaptiveCardRenderer.MaxCardBytes);
    }

    [Theory]
    [InlineData("[Click](https://evil.example) *b* <b>x</b> &amp;", "[Click](https://evil.example) *b* <b>x</b> &amp;")]
    [InlineData("line one\nline two\r\n\tthree", "line one line two three")]
    [InlineData("ro\u200Btate acc\uFEFFount", "rotate account")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("👩\u200D💻 Pat", "👩\u200D💻 Pat")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z)}}", "{\u2060{DATE(2017-02-14T06:08:39Z)}}")]
    [InlineData("{{{TIME(2017-02-14T06:08:39Z)}}}", "{\u2060{\u2060{TIME(2017-02-14T06:08:39Z)}}}")]
    public void The_escaping_function_keeps_what_is_visible_and_removes_what_is_not(string text, string expected)
    {
        Assert.Equal(expected, AdaptiveCardText.Inert(text));
    }

    [Fact]
    public void A_very_long_text_is_cut_with_an_ellipsis()
    {
        var inert = AdaptiveCardText.Inert(new string('x', 10_000));

        Assert.Equal(2000, inert.Length);
        Assert.EndsWith("…", inert, StringComparison.Ordinal);
    }

    [Fact]
    public void Buttons_open_links_or_send_their_verb_and_data()
    {
        var view = new StepView("Status", "2 tenants")
        {
            Actions =
            [
                new OpenUrlAction("Authorize in NetSuite", new Uri("http://127.0.0.1:5000/authorize")),
                new SubmitAction("Offboard", "offboard.confirm", SessionData, ActionStyle.Destructive),
            ],
        };

        var nodes = Descendants(AdaptiveCardRenderer.Render(view)).ToList();

        var open = Assert.Single(nodes, n => (string?)n["type"] == "Action.OpenUrl");
        Assert.Equal("http://127.0.0.1:5000/authorize", (string?)open["url"]);
        var submit = Assert.Single(nodes, n => (string?)n["type"] == "Action.Submit");
        Assert.Equal("destructive", (string?)submit["style"]);
        Assert.Equal("offboard.confirm", (string?)submit["data"]!["verb"]);
        Assert.Equal("s-1", (string?)submit["data"]!["session"]);
    }

    [Fact]
    public void Oversized_view_still_renders_a_card_within_the_size_limit()
    {
        var rows = Enumerable.Range(0, 2_000).Select(i => (IReadOnlyList<string>)[$"account-{i}", new string('x', 40)]).ToList();
        var view = new StepView("Status", "2000 tenants") { Table = new ViewTable(["Account", "Note"], rows) };

        var card = AdaptiveCardRenderer.Render(view);

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) <= AdaptiveCardRenderer.MaxCardBytes);
        Assert.Equal("2000 tenants", (string?)card["fallbackText"]);
    }

    private static List<string> Runs(JsonNode? node) => [.. Descendants(node).Where(n => (string?)n["type"] == "TextRun").Select(n => (string)n["text"]!)];

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
