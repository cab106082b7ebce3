using System.Net;
using System.Text.Json.Nodes;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Manifests;

/// <summary>
/// The Slack app manifest against Slack's manifest rules (ecosystem/check-slack-manifest.js: the documented fields and
/// limits of manifest schema v1 plus the cross-field rules), and its request URLs against the endpoints the bot serves.
/// </summary>
public sealed class SlackManifestTests
{
    private static readonly string Manifest = RepositoryPaths.InRepository("manifests", "slack", "manifest.yaml");

    [NodeChecksFact]
    public async Task Slack_manifest_follows_Slacks_manifest_rules()
    {
        var report = await NodeScript.RunAsync("check-slack-manifest.js", Manifest);

        Assert.Empty(Strings(report["errors"]));
        Assert.Contains("commands", Strings(report["botScopes"]));
    }

    [NodeChecksFact]
    public async Task The_rules_report_a_long_name_a_bad_command_and_an_event_without_its_scope()
    {
        var yaml = (await File.ReadAllTextAsync(Manifest))
            .Replace("name: NetSuite Onboarding", "name: A name far longer than Slack's thirty-five characters", StringComparison.Ordinal)
            .Replace("command: /netsuite", "command: netsuite", StringComparison.Ordinal)
            .Replace("      - im:history\n", string.Empty, StringComparison.Ordinal);
        using var scratch = new ScratchFolder();

        var errors = Strings((await NodeScript.RunAsync("check-slack-manifest.js", await scratch.WriteAsync("manifest.yaml", yaml)))["errors"]);

        Assert.Contains(errors, e => e.StartsWith("/display_information/name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/features/slash_commands/0/command", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("message.im needs bot scope im:history", StringComparison.Ordinal));
    }

    [NodeChecksFact]
    public async Task Every_URL_the_Slack_manifest_names_is_an_endpoint_the_bot_serves()
    {
        var urls = (await NodeScript.RunAsync("check-slack-manifest.js", Manifest))["requestUrls"]!;
        using var bot = BotUnderTest.Start(settings: new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "e2e-signing-secret",
            ["Slack:BotToken"] = "xoxb-e2e",
            ["Slack:ClientId"] = "e2e-client",
            ["Slack:ClientSecret"] = "e2e-client-secret",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        });
        using var client = bot.CreateClient();

        var posted = new[] { (string)urls["events"]!, (string)urls["interactivity"]! }.Concat(Strings(urls["commands"]));
        foreach (var url in posted)
        {
            // Unsigned, so the bot refuses it; a 404 would mean nothing is listening at the manifest's path.
            using var response = await client.PostAsync(new Uri(url).AbsolutePath, new StringContent("{}"));
            Assert.True(response.StatusCode != HttpStatusCode.NotFound, $"POST {new Uri(url).AbsolutePath}: 404");
        }

        foreach (var url in Strings(urls["redirects"]))
        {
            using var response = await client.GetAsync(new Uri(url).AbsolutePath);
            Assert.True(response.StatusCode != HttpStatusCode.NotFound, $"GET {new Uri(url).AbsolutePath}: 404");
        }
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(e => (string)e!)];
}
