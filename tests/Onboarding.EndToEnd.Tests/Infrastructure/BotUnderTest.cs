using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Onboarding.Bot.Hosting;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real bot (Program.cs, with its embedded NetSuite sandbox) on Kestrel at 127.0.0.1, in local anonymous mode, with a
/// throw-away database. <paramref name="port"/> 0 picks a free port; a fixed one is used when the address must be known
/// before start (the OAuth redirect URI registered in the sandbox).
/// </summary>
internal sealed class BotUnderTest : WebApplicationFactory<BotOptions>
{
    private readonly ScratchFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    private BotUnderTest(int port, IReadOnlyDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder.Path, "onboarding.db"),
            ["MicrosoftAppType"] = string.Empty,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppTenantId"] = string.Empty,
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public static BotUnderTest Start(int port = 0, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var bot = new BotUnderTest(port, settings ?? new Dictionary<string, string?>());
        try
        {
            bot.StartServer();
            return bot;
        }
        catch
        {
            bot.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
