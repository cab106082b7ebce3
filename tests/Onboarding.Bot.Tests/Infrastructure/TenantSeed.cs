using System.Text.Json;
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

    private const int FlushAt = 64 * 1024;

    public static string AccountId(int index) => $"{2_000_000 + index}_SB1";

    /// <summary>Writes the seed for <paramref name="count"/> accounts to a file and returns its path.</summary>
    public static string Write(int count, string folder)
    {
        using var stream = typeof(SandboxServer).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox assembly carries no demo-account.json.");
        var template = JsonNode.Parse(stream)!["accounts"]![0]!.AsObject();
        template["bundles"]![0]!["installed"] = true;

        // Written account by account: the whole document (tens of megabytes for a benchmark's fleet) is never held at once,
        // and no buffer of that size goes back to the shared array pool, where it would stay for the rest of the process
        // and count as the memory of whatever the process measures next.
        var path = Path.Combine(folder, "seed.json");
        using var file = File.Create(path);
        using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteStartArray("accounts");
        for (var i = 0; i < count; i++)
        {
            var account = template.DeepClone().AsObject();
            account["id"] = AccountId(i);
            account["companyName"] = $"Tenant {i}";
            account.WriteTo(writer);
            if (writer.BytesPending > FlushAt)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return path;
    }
}
