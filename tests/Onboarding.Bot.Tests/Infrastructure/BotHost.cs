using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Onboarding.Bot.Hosting;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (Program.cs) on Kestrel at 127.0.0.1 with a random port, a database in its own temp folder and
/// local anonymous Bot Framework mode. Extra settings override appsettings.json; services can be swapped with
/// <see cref="ConfigureTestServices"/> before the first request.
/// </summary>
/// <remarks>
/// The factory is keyed on a type from the host's assembly rather than <c>Program</c>: the host references the sandbox,
/// whose top-level <c>Program</c> would make the name ambiguous. Only the assembly matters for finding the entry point.
/// </remarks>
public sealed class BotHost : WebApplicationFactory<BotOptions>
{
    private readonly TestDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    public BotHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = System.IO.Path.Combine(_directory.Path, "onboarding.db"),
            ["MicrosoftAppType"] = string.Empty,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppTenantId"] = string.Empty,

            // Tests are not the local demo: nobody holds a role unless a test gives it (Onboarding:Roles).
            ["Bot:LocalDemoRoles"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary><paramref name="settings"/> with the host pointed at <paramref name="storage"/> (when given) instead of its own SQLite file.</summary>
    public static IReadOnlyDictionary<string, string?>? WithStorage(IReadOnlyDictionary<string, string?>? settings, TemporaryDatabase? storage)
    {
        if (storage is null)
        {
            return settings;
        }

        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in storage.HostSettings)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>The database file the host uses (on SQLite).</summary>
    public string DatabasePath => _settings["Storage:DatabasePath"]!;

    /// <summary>The host environment; Development unless a test checks what production does.</summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>Extra service registrations applied after Program.cs's (e.g. a fake clock).</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>The host's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the host and returns it; start-up failures (bad options) surface here.</summary>
    public static BotHost Start(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string environment = "Development")
    {
        var host = new BotHost(settings) { ConfigureTestServices = configureServices, EnvironmentName = environment };
        try
        {
            host.StartServer();
            var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            host.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the host's real entry point with <paramref name="settings"/> as command-line overrides, expecting start-up to
    /// fail, and returns the exception it failed with. (The factory loses start-up exceptions in a race with disposal.)
    /// </summary>
    public static async Task<Exception> StartExpectingFailureAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using var directory = new TestDirectory();
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DatabasePath"] = System.IO.Path.Combine(directory.Path, "onboarding.db"),
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        var entryPoint = typeof(BotOptions).Assembly.EntryPoint!;
        string[] args = [.. arguments.Select(a => $"--{a.Key}={a.Value}")];
        var run = Task.Run(() => entryPoint.Invoke(null, [args]));

        // If start-up wrongly succeeds the host would run forever; the wait turns that into a failed test.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.IsNotType<TimeoutException>(failure);
        SqliteConnection.ClearAllPools();
        return failure is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : failure;
    }

    /// <summary>POSTs a Bot Framework activity to <c>/api/messages</c> like a channel would, and returns the response.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        return await client.PostAsJsonAsync("api/messages", activity);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));

        // As host settings too, so what Program.cs reads while it registers services (the key ring's certificates) sees
        // them, as it sees appsettings and environment variables in a real start.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _directory.Dispose();
        }
    }
}
