using System.Text;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// The demo account with names nothing else in a database could contain by chance, so a byte search of the database files
/// proves whether any of them is left: the chat user, the NetSuite administrator (name, e-mail) and the company.
/// </summary>
internal static class DistinctiveTenant
{
    public const string Account = "1234567_SB1";
    public const string HostLabel = "1234567-sb1";
    public const string ChatUserName = "Ingrid Quokkaworth-Chat";
    public const string AdminFirstName = "Bartholomew";
    public const string AdminLastName = "Zanzibar-Quill";
    public const string AdminEmail = "b.zanzibar-quill@erasable.example";
    public const string Company = "Xylophonic Widgets Ltd";
    public const string LegalName = "Xylophonic Widgets Holdings Ltd";

    public static IReadOnlyList<string> PersonalData { get; } = [ChatUserName, AdminFirstName, AdminLastName, AdminEmail, Company, LegalName];

    /// <summary>Writes a sandbox seed file with the demo account renamed; returns its path.</summary>
    public static async Task<string> WriteSeedAsync(string folder)
    {
        await using var embedded = typeof(SandboxServer).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox's demo-account.json resource is missing.");
        var document = JsonNode.Parse(embedded)!.AsObject();
        var account = document["accounts"]![0]!;
        account["companyName"] = Company;
        account["companyInformation"]!["companyName"] = Company;
        account["companyInformation"]!["legalName"] = LegalName;
        foreach (var employee in account["employees"]!.AsArray())
        {
            employee!["firstName"] = AdminFirstName;
            employee["lastName"] = AdminLastName;
            employee["entityId"] = $"{AdminFirstName} {AdminLastName}";
            employee["email"] = AdminEmail;
        }

        var path = Path.Combine(folder, "distinctive-seed.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }

    /// <summary>Which of <see cref="PersonalData"/> occur in the database file, its write-ahead log or its shared-memory file.</summary>
    public static IReadOnlyList<string> FoundIn(string databasePath)
    {
        var files = new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists).Select(ReadShared).ToList();
        return [.. PersonalData.Where(value => files.Any(bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0))];
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
