using System.Text.Json.Nodes;
using Onboarding.Bot.Slack;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Manifests;

/// <summary>The app manifests stay in step with the code: endpoints, scopes, commands and icon sizes.</summary>
public sealed class ManifestTests
{
    private static readonly string Root = Infrastructure.RepositoryRoot.Path;

    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/oauth/callback")]
    public void The_slack_manifest_points_at_every_slack_endpoint(string path)
    {
        Assert.Contains($"https://bot.example.com{path}", SlackManifest(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_slack_manifest_grants_exactly_the_scopes_the_install_asks_for()
    {
        var manifest = SlackManifest();
        var asked = new SlackOptions().Scopes.Split(',');

        Assert.All(asked, scope => Assert.Contains($"      - {scope}\n", manifest, StringComparison.Ordinal));
        Assert.Contains("      - app_mention\n", manifest, StringComparison.Ordinal);
        Assert.Contains("      - message.im\n", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teams_manifest_lists_every_command_and_pins_its_schema_version()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "manifests", "teams", "manifest.json")))!;
        var titles = manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).Select(c => (string)c!["title"]!).ToHashSet();

        Assert.Equal("1.30", (string?)manifest["manifestVersion"]);
        Assert.EndsWith("/v1.30/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        Assert.Equal(["groupChat", "personal", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!).Order());
        Assert.All(HelpView.Commands(Wording.English), c => Assert.Contains(Words(c.Command), titles));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_teams_icons_have_the_required_sizes(string file, int size)
    {
        var png = File.ReadAllBytes(Path.Combine(Root, "manifests", "teams", file));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>"rotate &lt;account&gt;" → "rotate"; "alerts here" stays whole.</summary>
    private static string Words(string command) =>
        string.Join(' ', command.Split(' ').TakeWhile(w => !w.StartsWith('[') && !w.StartsWith('<')));

    private static string SlackManifest() => File.ReadAllText(Path.Combine(Root, "manifests", "slack", "manifest.yaml")).ReplaceLineEndings("\n");
}
