using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// A sandbox seed with many copies of the built-in demo account, each under its own account id and with the vendor
/// bundle already installed (so its role exists and the bundle-check RESTlet answers).
/// </summary>
public static class TenantSeed
{
    /// <summary>The bundle's role (internal id) that certificates are mapped to, and the administrator entity.</summary>
    public const long RoleId = 1001;
    public const long EntityId = 7;

    public static string AccountId(int index) => $"{2_000_000 + index}_SB1";

    /// <summary>Writes the seed for <paramref name="count"/> accounts to a file and returns its path.</summary>
    public static string Write(int count, string folder)
    {
        using var stream = typeof(SandboxServer).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox assembly carries no demo-account.json.");
        var template = JsonNode.Parse(stream)!["accounts"]![0]!.AsObject();
        template["bundles"]![0]!["installed"] = true;
        var accounts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var account = template.DeepClone().AsObject();
            account["id"] = AccountId(i);
            account["companyName"] = $"Tenant {i}";
            accounts.Add(account);
        }

        var path = Path.Combine(folder, "seed.json");
        File.WriteAllText(path, new JsonObject { ["accounts"] = accounts }.ToJsonString());
        return path;
    }
}
