using System.Text;
using System.Text.Json.Nodes;
using Onboarding.Bot.Teams;
using Onboarding.Engine.Views;

namespace Onboarding.Bot.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    private static readonly IReadOnlyDictionary<string, string> SessionData = new Dictionary<string, string> { ["session"] = "s-1" };

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
            .Select(n => (string?)n["items"]![0]!["text"]);

        Assert.Equal(["✓", "⏳", "○", "✗", "⏭"], symbols);
    }

    [Fact]
    public void Facts_table_and_buttons_are_rendered_as_FactSet_Table_and_ActionSet()
    {
        var view = new StepView("Status", "2 tenants")
        {
            Facts = [new Fact("Role", "Administrator")],
            Table = new ViewTable(["Account", "Health"], [["1234567_SB1", "healthy"]]),
            Actions =
            [
                new OpenUrlAction("Authorize in NetSuite", new Uri("http://127.0.0.1:5000/authorize")),
                new SubmitAction("Offboard", "offboard.confirm", SessionData, ActionStyle.Destructive),
            ],
        };

        var nodes = Descendants(AdaptiveCardRenderer.Render(view)).ToList();

        Assert.Contains(nodes, n => (string?)n["type"] == "FactSet");
        var table = Assert.Single(nodes, n => (string?)n["type"] == "Table");
        Assert.Equal(2, table["rows"]!.AsArray().Count);
        var open = Assert.Single(nodes, n => (string?)n["type"] == "Action.OpenUrl");
        Assert.Equal("http://127.0.0.1:5000/authorize", (string?)open["url"]);
        var submit = Assert.Single(nodes, n => (string?)n["type"] == "Action.Submit");
        Assert.Equal("destructive", (string?)submit["style"]);
        Assert.Equal("offboard.confirm", (string?)submit["data"]!["verb"]);
        Assert.Equal("s-1", (string?)submit["data"]!["session"]);
    }

    [Fact]
    public void Plain_text_cannot_turn_into_markup_but_account_ids_stay_readable()
    {
        Assert.Equal(@"\*bold\* 1234567_SB1 \_x\_", AdaptiveCardRenderer.Escape("*bold* 1234567_SB1 _x_"));
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

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
