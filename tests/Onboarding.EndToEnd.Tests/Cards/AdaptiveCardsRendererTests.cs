using System.Text.Json.Nodes;
using Onboarding.Bot.Teams;
using Onboarding.EndToEnd.Tests.Infrastructure;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>
/// Every card the bot can emit, in every shipped language, rendered by our Adaptive Card renderer, parsed by the official
/// Adaptive Cards renderer (npm adaptivecards) as a Teams host (schema 1.5) would: no parse or validation message, version
/// 1.5 at most.
/// </summary>
public sealed class AdaptiveCardsRendererTests : IClassFixture<RenderedCards>
{
    private readonly RenderedCards _cards;

    public AdaptiveCardsRendererTests(RenderedCards cards) => _cards = cards;

    [NodeChecksFact]
    public async Task Every_card_the_bot_can_emit_parses_in_the_official_renderer_without_messages()
    {
        var report = await _cards.CheckAsync();
        var problems = report.Where(r => r.Messages.Count > 0).Select(r => $"{r.File}: {string.Join("; ", r.Messages)}").ToList();
        Assert.Equal(_cards.Count, report.Count);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [NodeChecksFact]
    public async Task Every_card_declares_and_parses_as_version_1_5_at_most()
    {
        var report = await _cards.CheckAsync();
        var tooNew = report.Where(r => r.DeclaredVersion is null || Version.Parse(r.DeclaredVersion) > new Version(1, 5) || r.ParsedVersion != r.DeclaredVersion)
            .Select(r => $"{r.File}: declared {r.DeclaredVersion}, parsed {r.ParsedVersion}").ToList();
        Assert.NotEmpty(report);
        Assert.True(tooNew.Count == 0, string.Join(Environment.NewLine, tooNew));
    }

    [NodeChecksFact]
    public async Task The_catalog_covers_help_welcome_every_step_failures_notices_replies_status_and_alerts()
    {
        var report = await _cards.CheckAsync();
        var names = report.Select(r => r.File).ToList();
        foreach (var prefix in new[] { "help", "welcome", "how-it-works", "onboarding-Completed-Completed", "onboarding-AwaitingBundle-Waiting", "failed-", "failed-for-good-", "notice-", "reply-", "status-many", "alert-down-", "alert-recovered-", "certificate-", "operations-", "oversized", "hostile-" })
        {
            Assert.Contains(names, n => n.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [NodeChecksFact]
    public async Task Every_card_is_checked_in_every_shipped_language_and_said_in_that_language()
    {
        var report = await _cards.CheckAsync();
        var byLanguage = report.GroupBy(r => r.File[(r.File.LastIndexOf('.') + 1)..]).ToDictionary(g => g.Key, g => g.Select(r => r.File[..r.File.LastIndexOf('.')]).Order().ToList());

        Assert.Equal(Languages.All.Select(l => l.Name).Order(), byLanguage.Keys.Order());
        Assert.All(byLanguage.Values, names => Assert.Equal(byLanguage["en"], names));
        Assert.Contains("What I can do", _cards.Json("help.en"), StringComparison.Ordinal);
        Assert.Contains("Was ich kann", _cards.Json("help.de"), StringComparison.Ordinal);
        Assert.Contains("Ce que je sais faire", _cards.Json("help.fr"), StringComparison.Ordinal);
    }

    [NodeChecksFact]
    public async Task No_text_on_any_card_becomes_a_link_in_a_host_that_reads_Markdown()
    {
        var report = await _cards.CheckAsync();

        var linked = report.Where(r => r.Links > 0).Select(r => $"{r.File}: {r.Links} link(s)").ToList();
        Assert.Contains(report, r => r.File == "hostile-markdown-link.en");
        Assert.True(linked.Count == 0, string.Join(Environment.NewLine, linked));
    }

    [NodeChecksFact]
    public async Task The_Markdown_reading_host_does_turn_a_TextBlock_link_into_a_link()
    {
        // Proves the link count is not vacuous: the same text in a TextBlock (Markdown) becomes a link.
        using var scratch = new ScratchFolder();
        var card = AdaptiveCardRenderer.Render(Engine.Conversations.HelpView.Create(Wording.English));
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = HostileText.MarkdownLink, ["wrap"] = true });
        await scratch.WriteAsync("textblock.json", card.ToJsonString());

        var report = RenderedCards.Read(await NodeScript.RunAsync("check-cards.js", scratch.Path));

        Assert.Equal(1, Assert.Single(report).Links);
    }

    [NodeChecksFact]
    public async Task The_official_renderer_reports_a_card_element_newer_than_Teams_renders()
    {
        // Proves the check is not vacuous: a 1.6-only element, and an unknown one, are reported.
        using var scratch = new ScratchFolder();
        var card = AdaptiveCardRenderer.Render(Engine.Conversations.HelpView.Create(Wording.English));
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "CodeBlock", ["codeSnippet"] = "x" });
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "NoSuchElement" });
        await scratch.WriteAsync("bad.json", card.ToJsonString());

        var report = RenderedCards.Read(await NodeScript.RunAsync("check-cards.js", scratch.Path));

        var messages = Assert.Single(report).Messages;
        Assert.Contains(messages, m => m.Contains("NoSuchElement", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("CodeBlock", StringComparison.Ordinal));
    }
}
