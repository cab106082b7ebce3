using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Sandbox;

/// <summary>The embedded sandbox keeps its state beside the bot's database, so the demo survives a restart of the bot.</summary>
public sealed class EmbeddedSandboxStateTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, "onboarding.db");

    [Fact]
    public async Task Sandbox_state_beside_the_database_survives_a_restart_of_the_bot()
    {
        using (var first = BotHost.Start(Settings()))
        {
            using var control = Control(first);
            (await control.PostAsync("_sandbox/accounts/1234567_SB1/bundles/500123/install", null)).EnsureSuccessStatusCode();
            (await control.PostAsync("_sandbox/accounts/7654321/employees/7/roles/1001/unassign", null)).EnsureSuccessStatusCode();
        }

        using var second = BotHost.Start(Settings());
        using var again = Control(second);
        var demo = (await again.GetFromJsonAsync<JsonObject>("_sandbox/accounts/1234567_SB1"))!;
        var production = (await again.GetFromJsonAsync<JsonObject>("_sandbox/accounts/7654321"))!;

        Assert.True(File.Exists(Path.Combine(_directory.Path, EmbeddedSandboxRegistration.StateFileName)));
        Assert.Equal([500123], demo["installedBundles"]!.AsArray().Select(b => b!.GetValue<int>()));
        Assert.Equal([3], production["employees"]![0]!["roles"]!.AsArray().Select(r => r!.GetValue<int>()));
    }

    [Fact]
    public async Task An_empty_Sandbox_StateFile_keeps_the_sandbox_in_memory()
    {
        var settings = Settings();
        settings["Sandbox:StateFile"] = string.Empty;
        using (var first = BotHost.Start(settings))
        {
            using var control = Control(first);
            (await control.PostAsync("_sandbox/accounts/1234567_SB1/bundles/500123/install", null)).EnsureSuccessStatusCode();
        }

        using var second = BotHost.Start(settings);
        using var again = Control(second);
        var demo = (await again.GetFromJsonAsync<JsonObject>("_sandbox/accounts/1234567_SB1"))!;

        Assert.False(File.Exists(Path.Combine(_directory.Path, EmbeddedSandboxRegistration.StateFileName)));
        Assert.Empty(demo["installedBundles"]!.AsArray());
    }

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Settings() => new() { ["Storage:DatabasePath"] = DatabasePath };

    private static HttpClient Control(BotHost host) => new() { BaseAddress = host.Services.GetRequiredService<EmbeddedSandbox>().BaseAddress };
}
