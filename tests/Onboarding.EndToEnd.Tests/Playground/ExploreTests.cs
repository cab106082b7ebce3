using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

public sealed class ExploreTests
{
    [BrowserFact]
    public async Task Explore()
    {
        var port = FreePort.Next();
        var publicBaseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var bot = BotUnderTest.Start(port, new Dictionary<string, string?> { ["Bot:PublicBaseUrl"] = publicBaseUrl.AbsoluteUri.TrimEnd('/') });
        await using var playground = await AgentsPlayground.StartAsync(new Uri(publicBaseUrl, "api/messages"));
        await using var browser = await LoopbackBrowser.LaunchAsync();
        var chat = await browser.Context.NewPageAsync();
        await chat.GotoAsync(playground.Address.AbsoluteUri);
        await Assertions.Expect(chat.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Let's connect NetSuite" })).ToBeVisibleAsync();
        await Task.Delay(1000);
        var json = await ReferenceAsync(bot);
        var reference = JsonNode.Parse(json)!; Console.WriteLine("REF " + json);
        var serviceUrl = (string?)reference["serviceUrl"] ?? (string)reference["ServiceUrl"]!;
        var conversationId = (string?)reference["conversation"]?["id"] ?? (string)reference["Conversation"]!["Id"]!;
        foreach (var file in Directory.GetFiles("/tmp/explore", "*.json").Order())
        {
            var card = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            var activity = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "bot" }, ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }) };
            using var http = new HttpClient();
            var r = await http.PostAsJsonAsync(new Uri(serviceUrl.TrimEnd('/') + $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), activity);
            Console.WriteLine($"{file}: {r.StatusCode}");
        }
        await Task.Delay(3000);
        await chat.ScreenshotAsync(new() { Path = "/tmp/explore/shot.png", FullPage = true });
        var html = await chat.Locator(".ac-adaptiveCard").Last.InnerHTMLAsync();
        await File.WriteAllTextAsync("/tmp/explore/last.html", html);
        var script = await File.ReadAllTextAsync("/tmp/explore/probe.js");
        var result = await chat.EvaluateAsync<string>(script);
        await File.WriteAllTextAsync("/tmp/explore/probe.txt", result);
    }

    private static async Task<string> ReferenceAsync(BotUnderTest bot)
    {
        var store = bot.Services.GetRequiredService<Onboarding.Engine.Storage.SqliteDatabase>();
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference_json FROM conversation_references LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
