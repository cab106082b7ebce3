using System.Text.Json.Nodes;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Manifests;

/// <summary>
/// The Teams app manifest against the official JSON schema of the version it pins (the schema files npm
/// @microsoft/app-manifest ships, validated with ajv; no network), with its placeholders filled as build-package.sh fills them.
/// </summary>
public sealed class TeamsManifestTests
{
    private static readonly string Manifest = RepositoryPaths.InRepository("manifests", "teams", "manifest.json");

    [NodeChecksFact]
    public async Task Teams_manifest_validates_against_the_official_schema_of_its_pinned_version()
    {
        var report = await NodeScript.RunAsync("check-teams-manifest.js", Manifest);

        Assert.Equal("v" + (string)report["manifestVersion"]!, (string?)report["schemaVersion"]);
        Assert.Empty(Errors(report));
    }

    [NodeChecksFact]
    public async Task The_schema_check_reports_a_manifest_that_breaks_the_schema()
    {
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Manifest))!;
        broken["accentColor"] = "blue";
        broken["bots"]![0]!["scopes"] = new JsonArray("personal", "groupchat");
        using var scratch = new ScratchFolder();

        var errors = Errors(await NodeScript.RunAsync("check-teams-manifest.js", await scratch.WriteAsync("manifest.json", broken.ToJsonString())));

        Assert.Contains(errors, e => e.StartsWith("/accentColor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes/1", StringComparison.Ordinal));
    }

    private static List<string> Errors(JsonNode report) => [.. report["errors"]!.AsArray().Select(e => (string)e!)];
}
