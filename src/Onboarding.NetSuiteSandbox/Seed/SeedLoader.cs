using System.Text.Json;

namespace Onboarding.NetSuiteSandbox.Seed;

/// <summary>Reads the seed file named in settings, or the embedded demo account.</summary>
internal static class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SeedDocument Load(string? seedFile)
    {
        if (string.IsNullOrWhiteSpace(seedFile))
        {
            using var embedded = typeof(SeedLoader).Assembly.GetManifestResourceStream("demo-account.json")
                ?? throw new InvalidOperationException("The embedded demo-account.json is missing from the sandbox assembly.");
            return Parse(embedded, "the embedded demo account");
        }

        if (!File.Exists(seedFile))
        {
            throw new InvalidOperationException($"Sandbox:SeedFile points to '{seedFile}', which does not exist.");
        }

        using var file = File.OpenRead(seedFile);
        return Parse(file, $"Sandbox:SeedFile '{seedFile}'");
    }

    private static SeedDocument Parse(Stream stream, string source)
    {
        try
        {
            var document = JsonSerializer.Deserialize<SeedDocument>(stream, Json);
            if (document?.Accounts is not { Count: > 0 })
            {
                throw new InvalidOperationException($"{source} has no accounts.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{source} is not a valid seed file: {e.Message}", e);
        }
    }
}
