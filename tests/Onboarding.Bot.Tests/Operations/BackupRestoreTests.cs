using Onboarding.Bot.Operations;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// <c>backup</c> of a running bot and <c>restore</c> into a new place: the restored bot reads the tenant's key and its
/// connection check passes against the same NetSuite sandbox. A database without its key ring is refused at start-up.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly TestDirectory _work = new();
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(options =>
    {
        options.EnableTestControl = true;

        // The demo integration's redirect URIs are loopback http, which only a local sandbox allows (docs/netsuite.md, C8).
        options.AllowLoopbackHttpRedirects = true;
    });

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Backup_of_a_running_bot_restores_a_tenant_whose_connection_check_passes()
    {
        var backup = Path.Combine(_work.Path, "backup");
        await using (var bed = await BotTestBed.StartAsync(Settings()))
        {
            using var browser = new AdminBrowser(bed.Host.BaseAddress);
            var onboarding = new TeamsOnboarding(bed, browser, bed.Teams);
            await onboarding.InstallAndConfirmAsync(await onboarding.AuthorizeAsync(await onboarding.StartAsync()));

            var (code, output, errors) = await RunAsync("backup", backup, $"--Storage:DatabasePath={bed.Host.DatabasePath}");
            Assert.True(code == 0, errors);
            Assert.Contains("its key ring (1 keys)", output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(backup, "onboarding.db")));
        Assert.Single(Directory.GetFiles(Path.Combine(backup, "keys"), "key-*.xml"));
        Assert.Contains("\"protectedSecrets\"", await File.ReadAllTextAsync(Path.Combine(backup, "backup.json")), StringComparison.Ordinal);

        var restored = Path.Combine(_work.Path, "restored", "onboarding.db");
        var (restoreCode, _, restoreErrors) = await RunAsync("restore", backup, $"--Storage:DatabasePath={restored}");
        Assert.True(restoreCode == 0, restoreErrors);

        await using var again = await BotTestBed.StartAsync(Settings(restored));
        var health = await again.Service<HealthMonitor>().CheckNowAsync(AccountId.Parse("1234567_SB1"), CancellationToken.None);
        Assert.NotNull(health);
        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Equal(0, health.ConsecutiveFailures);
        Assert.NotNull(health.LastGoodAt);
    }

    [Fact]
    public async Task Restore_over_an_existing_database_is_refused_unless_replace_is_asked_for()
    {
        var backup = Path.Combine(_work.Path, "backup");
        var live = Path.Combine(_work.Path, "live", "onboarding.db");
        await using (var bed = await BotTestBed.StartAsync(Settings(live)))
        {
            Assert.Equal(0, (await RunAsync("backup", backup, $"--Storage:DatabasePath={live}")).Code);
        }

        var (refused, _, errors) = await RunAsync("restore", backup, $"--Storage:DatabasePath={live}");
        Assert.Equal(1, refused);
        Assert.Contains("--replace", errors, StringComparison.Ordinal);

        var (replaced, _, replaceErrors) = await RunAsync("restore", backup, "--replace", $"--Storage:DatabasePath={live}");
        Assert.True(replaced == 0, replaceErrors);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(live)!, "onboarding.db.before-restore-*"));
    }

    [Fact]
    public async Task A_second_backup_into_the_same_folder_is_refused()
    {
        var backup = Path.Combine(_work.Path, "backup");
        var live = Path.Combine(_work.Path, "live", "onboarding.db");
        await using var bed = await BotTestBed.StartAsync(Settings(live));
        Assert.Equal(0, (await RunAsync("backup", backup, $"--Storage:DatabasePath={live}")).Code);

        var (code, _, errors) = await RunAsync("backup", backup, $"--Storage:DatabasePath={live}");

        Assert.Equal(1, code);
        Assert.Contains("already exists and is not empty", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_refuses_a_database_whose_key_ring_is_missing_naming_the_folder()
    {
        var live = Path.Combine(_work.Path, "live", "onboarding.db");
        await using (var bed = await BotTestBed.StartAsync(Settings(live)))
        {
            using var browser = new AdminBrowser(bed.Host.BaseAddress);
            var onboarding = new TeamsOnboarding(bed, browser, bed.Teams);
            await onboarding.AuthorizeAsync(await onboarding.StartAsync());
        }

        var moved = Path.Combine(_work.Path, "moved");
        Directory.CreateDirectory(moved);
        File.Copy(live, Path.Combine(moved, "onboarding.db"));

        var failure = await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?>(Settings(Path.Combine(moved, "onboarding.db"))));

        Assert.Contains($"the key ring (folder {Path.Combine(moved, "keys")}) holds no keys", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", failure.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(string? databasePath = null)
    {
        var settings = ExternalSandbox.Settings(_sandbox.BaseAddress);
        settings["Health:Enabled"] = "false";
        if (databasePath is not null)
        {
            settings["Storage:DatabasePath"] = databasePath;
        }

        return settings;
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await OperationsCommandLine.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
