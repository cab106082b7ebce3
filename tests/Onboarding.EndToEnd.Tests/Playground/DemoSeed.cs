using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// The sandbox's built-in demo account with one change: its integration record's redirect URI points at the bot's
/// test port, so the test needs neither port 3978 nor anything else fixed.
/// </summary>
internal static class DemoSeed
{
    public static async Task<string> WithRedirectUriAsync(Uri publicBaseUrl)
    {
        await using var embedded = typeof(SandboxOptions).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox assembly no longer embeds demo-account.json.");
        var seed = (await JsonNode.ParseAsync(embedded))!;
        var integration = seed["accounts"]![0]!["integrations"]![0]!;
        integration["redirectUris"] = new JsonArray(new Uri(publicBaseUrl, "oauth/netsuite/callback").AbsoluteUri);
        return seed.ToJsonString();
    }
}
