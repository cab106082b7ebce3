using System.Text.Json.Nodes;
using Onboarding.Bot.Teams;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>
/// The catalog's views in every shipped language rendered to Adaptive Card JSON files (artifacts/cards, one per view) by the bot's renderer, and
/// the official renderer's report on them, computed once per test class.
/// </summary>
public sealed class RenderedCards : IAsyncLifetime
{
    private readonly string _folder = RepositoryPaths.Artifacts("cards");
    private Task<IReadOnlyList<CardReport>>? _report;

    public int Count { get; private set; }

    public async Task InitializeAsync()
    {
        foreach (var stale in Directory.EnumerateFiles(_folder, "*.json"))
        {
            File.Delete(stale);
        }

        using var bot = BotUnderTest.Start();
        var views = await CardCatalog.InEveryLanguageAsync(bot.Services);
        foreach (var (name, view) in views)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, name + ".json"), AdaptiveCardRenderer.Render(view).ToJsonString());
        }

        Count = views.Count;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The rendered card named <paramref name="name"/> ("help.de"), as JSON text.</summary>
    public string Json(string name) => File.ReadAllText(Path.Combine(_folder, name + ".json"));

    /// <summary>Runs the official renderer over every file, once.</summary>
    public Task<IReadOnlyList<CardReport>> CheckAsync() =>
        _report ??= CheckOnceAsync();

    public static IReadOnlyList<CardReport> Read(JsonNode report) =>
        [.. report["cards"]!.AsArray().Select(c => new CardReport(
            Path.GetFileNameWithoutExtension((string)c!["file"]!),
            (string?)c["declaredVersion"],
            (string?)c["parsedVersion"],
            [.. c["messages"]!.AsArray().Select(m => (string)m!)],
            (int?)c["links"] ?? 0))];

    private async Task<IReadOnlyList<CardReport>> CheckOnceAsync() => Read(await NodeScript.RunAsync("check-cards.js", _folder));
}
