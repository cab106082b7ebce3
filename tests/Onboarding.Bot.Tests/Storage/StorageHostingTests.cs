using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Storage.Dialects;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Storage;

/// <summary>The host on each storage provider: settings checked at start-up, <c>/healthz</c> naming the database, every migration portable.</summary>
public sealed class StorageHostingTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Healthz_names_the_provider_and_the_schema_version_the_database_reports(StorageProvider provider)
    {
        await using var storage = await TemporaryDatabase.CreateAsync(provider);
        await using var host = BotHost.Start(BotHost.WithStorage(null, storage));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var report = JsonNode.Parse(await client.GetStringAsync("healthz"))!["checks"]!["storage"]!;

        var version = host.Services.GetRequiredService<MigrationRunner>().Migrations.Max(m => m.Version);
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal(provider.ToString(), (string?)report["data"]!["provider"]);
        Assert.Equal(version, (int)report["data"]!["schemaVersion"]!);
        Assert.StartsWith(provider == StorageProvider.Sqlite ? "SQLite file " : "PostgreSQL database onboarding_test_", (string?)report["description"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Healthz_answers_503_when_the_PostgreSQL_database_stops_answering()
    {
        var storage = await TemporaryDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var host = BotHost.Start(BotHost.WithStorage(new Dictionary<string, string?> { ["Health:Enabled"] = "false" }, storage));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("healthz")).StatusCode);

        await storage.DisposeAsync();
        var response = await client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["checks"]!["storage"]!;
        Assert.Equal("Unhealthy", (string?)report["status"]);
        Assert.Contains("does not answer", (string?)report["description"], StringComparison.Ordinal);
        Assert.DoesNotContain("Password", (string?)report["description"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_host_naming_the_key_to_set()
    {
        var failure = Assert.IsType<OptionsValidationException>(
            await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql" }));

        Assert.Contains("ConnectionStrings:Onboarding is empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_provider_stops_the_host_naming_the_key_and_the_value()
    {
        var failure = await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" });

        Assert.Contains("'Postgres'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_migration_the_host_registers_can_run_on_PostgreSQL()
    {
        await using var host = BotHost.Start();

        var migrations = host.Services.GetRequiredService<MigrationRunner>().Migrations;

        Assert.Contains(migrations, m => m.Name == "slack outbox");
        Assert.All(migrations, m =>
        {
            var translated = PostgreSqlTranslator.Translate(m.Sql);
            Assert.DoesNotContain("AUTOINCREMENT", translated, StringComparison.OrdinalIgnoreCase);
        });
    }
}
