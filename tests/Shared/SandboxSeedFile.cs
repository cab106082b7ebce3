using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Tests.Shared;

/// <summary>
/// Writes a sandbox seed file (<c>Sandbox:SeedFile</c>): the built-in demo accounts (<c>1234567_SB1</c>, OneWorld, and
/// <c>7654321</c>, not OneWorld) plus copies of the first one under other account ids. An id the built-in seed already
/// has is served as built in, not copied. Compiled into every test project that starts a sandbox with more accounts.
/// </summary>
internal static class SandboxSeedFile
{
    public static async Task<string> WriteAsync(string folder, IEnumerable<string> extraAccounts)
    {
        await using var embedded = typeof(SandboxServer).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox's demo-account.json resource is missing.");
        var document = JsonNode.Parse(embedded)!.AsObject();
        var accounts = document["accounts"]!.AsArray();
        var demo = accounts[0]!;
        var present = accounts.Select(a => a!["id"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in extraAccounts.Where(present.Add))
        {
            var copy = demo.DeepClone().AsObject();
            copy["id"] = id;
            copy["companyName"] = $"Company {id}";
            copy["companyInformation"]!["companyName"] = $"Company {id}";
            accounts.Add(copy);
        }

        var path = Path.Combine(folder, "seed.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }
}
