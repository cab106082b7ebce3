using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hosting;

/// <summary>
/// The settings files are read at start-up and not watched: watching them watches the content root, where the SQLite
/// database is written by default, and the watcher woke on every write to it (docs/configuration.md).
/// </summary>
public sealed class SettingsFilesTests
{
    [Fact]
    public void The_host_reads_its_settings_files_without_watching_them()
    {
        using var host = BotHost.Start();

        var files = ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
