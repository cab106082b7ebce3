using System.Text;
using System.Web;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// A whole onboarding through the real host with every category at Trace: the codes, verifiers, assertions and tokens
/// actually seen on the wire, the tenant's private key, and the Slack secrets from settings appear neither in any log
/// message nor anywhere in the raw bytes of the SQLite files (database, WAL and shared memory).
/// </summary>
public sealed class SecretScanTests : IAsyncLifetime
{
    private const string SlackSigningSecret = "scan-signing-secret-4f0c2a9d7e";
    private const string SlackBotToken = "xoxb-scan-0000000000-secret-bot-token";

    private readonly LogRecorder _logs = new();
    private readonly WireTap _tap = new();
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
                ["Slack:SigningSecret"] = SlackSigningSecret,
                ["Slack:BotToken"] = SlackBotToken,
            },
            services =>
            {
                services.AddSingleton<ILoggerProvider>(_logs);
                services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new WireTap.Forwarder(_tap)));
            });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
        _logs.Dispose();
        _tap.Dispose();
    }

    [Fact]
    public async Task After_a_full_onboarding_at_trace_no_secret_is_in_the_logs_or_the_database_files()
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        var card = await onboarding.StartAsync();
        var redirect = await _browser.ConsentAsync(card.Link("Authorize in NetSuite"));
        _tap.Add(HttpUtility.ParseQueryString(redirect.Query)["code"]!, "authorization code in the redirect");
        await _browser.FollowToBotAsync(redirect);
        var step2 = await onboarding.CardShowingAsync(a => a.HasButton("I've installed it"));
        await onboarding.InstallAndConfirmAsync(step2);
        var key = await _bed.Service<TenantKeyStore>().ActiveCredentialAsync(AccountId.Parse(TeamsOnboarding.Account), CancellationToken.None);
        Assert.NotNull(key);
        var privateKey = Convert.ToBase64String(key.PrivateKeyPkcs8.Span);
        _tap.Add(privateKey[^64..], "private key (PKCS#8, base64 tail)");
        _tap.Add(Convert.ToHexString(key.PrivateKeyPkcs8.Span)[^64..], "private key (PKCS#8, hex tail)");
        _tap.Add(SlackSigningSecret, "Slack signing secret");
        _tap.Add(SlackBotToken, "Slack bot token");

        var kinds = _tap.Secrets.Values.ToHashSet();
        Assert.Contains("request code_verifier", kinds);
        Assert.Contains("request client_assertion", kinds);
        Assert.Contains("response access_token", kinds);
        Assert.Contains("response refresh_token", kinds);
        SqliteConnection.ClearAllPools();
        var database = DatabaseFileText();
        var logs = string.Join('\n', _logs.Entries.Select(e => $"{e.Category} {e.Message}"));
        Assert.True(_logs.Entries.Count > 100, "The run should have logged plenty at Trace.");

        var leaks = _tap.Secrets
            .Where(s => logs.Contains(s.Key, StringComparison.Ordinal) || database.Contains(s.Key, StringComparison.Ordinal))
            .Select(s => $"{s.Value} found in {(logs.Contains(s.Key, StringComparison.Ordinal) ? $"logs ({LoggedBy(s.Key)})" : "database")}")
            .ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
        Assert.DoesNotContain("PRIVATE KEY", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", database, StringComparison.Ordinal);
    }

    // Which loggers wrote a secret, and at what level: enough to find the leak without repeating the secret in the output.
    private string LoggedBy(string secret) => string.Join(", ", _logs.Entries
        .Where(e => e.Message.Contains(secret, StringComparison.Ordinal) || e.Category.Contains(secret, StringComparison.Ordinal))
        .Select(e => $"{e.Category} at {e.Level}")
        .Distinct());

    // Latin-1 maps every byte to one char, so an ASCII secret stored anywhere in a page shows up as itself.
    private string DatabaseFileText()
    {
        var text = new StringBuilder();
        foreach (var path in new[] { _bed.Host.DatabasePath, _bed.Host.DatabasePath + "-wal", _bed.Host.DatabasePath + "-shm" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }

        return text.ToString();
    }
}
