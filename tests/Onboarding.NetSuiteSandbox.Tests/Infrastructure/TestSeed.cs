using System.Text.Json.Nodes;

namespace Onboarding.NetSuiteSandbox.Tests.Infrastructure;

/// <summary>A seed file made for one test from a copy of the demo account; deleted on dispose.</summary>
public sealed class TestSeed : IDisposable
{
    public TestSeed(Action<JsonNode> change)
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "demo-seed-copy.json")))!;
        change(seed);
        File.WriteAllText(FilePath, seed.ToJsonString());
    }

    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"sandbox-seed-{Guid.NewGuid():N}.json");

    public static JsonObject DemoAccount(JsonNode seed) => seed["accounts"]![0]!.AsObject();

    public void Dispose() => File.Delete(FilePath);
}
