using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Onboarding.Tests.Shared.Storage;

/// <summary>
/// A throw-away PostgreSQL server for one test run, from the distribution's own binaries (Debian's <c>postgresql</c>
/// package: /usr/lib/postgresql/N/bin): a fresh cluster in a temp folder, on a free port of 127.0.0.1 only, with a random
/// password, no Unix socket and no durability (nothing outlives the run). Started once per test process on first use,
/// stopped and deleted when the process exits; each test gets its own database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so under root (as on CI) the server runs as the <c>postgres</c> user the package
/// creates, in a folder handed over to that user. Tests run as a normal user run it as themselves.
/// </remarks>
public sealed class PostgreSqlServer
{
    private const string Superuser = "postgres";
    private const string InstallAdvice = "install PostgreSQL's server (Debian/Ubuntu: sudo apt-get install postgresql)";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync);

    private readonly string _folder;
    private readonly Process _process;
    private readonly string _password;
    private readonly StringBuilder _log;

    private PostgreSqlServer(string folder, Process process, int port, string password, StringBuilder log)
    {
        _folder = folder;
        _process = process;
        Port = port;
        _password = password;
        _log = log;
    }

    public int Port { get; }

    /// <summary>The server's main process (postmaster); its sessions and background workers are its children.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The run's server, started on first use. Without PostgreSQL installed the calling test is skipped (failed under CI).</summary>
    public static async Task<PostgreSqlServer> SharedAsync()
    {
        if (FindBinaries() is null)
        {
            throw TestEnvironment.Unavailable($"PostgreSQL is not installed (no initdb and postgres in /usr/lib/postgresql/*/bin or on PATH): {InstallAdvice}.");
        }

        return await Shared.Value;
    }

    /// <summary>The connection string of <paramref name="database"/> on this server, as the host would be configured with it.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = _password,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns the name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "onboarding_test_" + Guid.NewGuid().ToString("N");
        await MaintenanceAsync($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Drops <paramref name="database"/>, closing whatever connections are still open to it.</summary>
    public Task DropDatabaseAsync(string database) => MaintenanceAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    private async Task MaintenanceAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = FindBinaries()!;
        var runAs = RunAsUser();
        var folder = Path.Combine(Path.GetTempPath(), "onboarding-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var passwordFile = Path.Combine(folder, "password");
            await File.WriteAllTextAsync(passwordFile, password);
            if (runAs is not null)
            {
                await RunAsync("chown", ["-R", $"{runAs}:{runAs}", folder], null);
            }

            var data = Path.Combine(folder, "data");
            await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", Superuser, "--pwfile", passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"], runAs);
            File.Delete(passwordFile);

            // A port can be taken between choosing it and the server binding it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var log = new StringBuilder();
                var process = Launch(Path.Combine(binaries, "postgres"), ServerArguments(data, port), runAs, log);
                var server = new PostgreSqlServer(folder, process, port, password, log);
                if (await server.WaitUntilReadyAsync())
                {
                    server.WatchTestProcess();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                    return server;
                }

                server.StopProcess();
                if (attempt == 3)
                {
                    throw new InvalidOperationException($"The test PostgreSQL server did not start ({binaries}); its log:\n{log}");
                }
            }
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    // Durability is switched off: the cluster dies with the run. Only TCP on loopback, no Unix socket to clean up.
    private static string[] ServerArguments(string data, int port) =>
    [
        "-D", data,
        "-c", "listen_addresses=127.0.0.1",
        "-c", $"port={port.ToString(CultureInfo.InvariantCulture)}",
        "-c", "unix_socket_directories=",
        "-c", "max_connections=400",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "log_min_messages=warning",
    ];

    private async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=2");
                await connection.OpenAsync();
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    /// <summary>
    /// Stops the server and deletes its folder once this test process is gone, however it ends: the test platform gives a
    /// process-exit handler only a moment, and a killed run gives it none.
    /// </summary>
    private void WatchTestProcess()
    {
        var testProcess = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var server = _process.Id.ToString(CultureInfo.InvariantCulture);
        var script = $$"""
            while kill -0 {{testProcess}} 2>/dev/null; do sleep 1; done
            kill -INT {{server}} 2>/dev/null
            for i in $(seq 1 100); do kill -0 {{server}} 2>/dev/null || break; sleep 0.1; done
            kill -KILL {{server}} 2>/dev/null
            rm -rf '{{_folder}}'
            """;
        using var watchdog = Process.Start(new ProcessStartInfo("sh", ["-c", script]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true });
    }

    private void Stop()
    {
        StopProcess();
        DeleteFolder(_folder);
    }

    private void StopProcess()
    {
        if (_process.HasExited)
        {
            return;
        }

        // SIGINT is PostgreSQL's fast shutdown: it ends every session and exits cleanly.
        try
        {
            using var signal = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            signal?.WaitForExit(5_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill command: the hard stop below still ends it.
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A folder left in the temp directory is harmless; a failed clean-up must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The folder with initdb and postgres: the newest Debian cluster version, else whatever PATH has.</summary>
    private static string? FindBinaries()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(d => HasServer(d.Folder))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
    }

    // Both programs, following links: a link left behind by an uninstalled package does not count.
    private static bool HasServer(string folder) =>
        new[] { "initdb", "postgres" }.All(name =>
        {
            var file = new FileInfo(Path.Combine(folder, name));
            return file.Exists && (file.LinkTarget is null || file.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true });
        });

    /// <summary>The user to run the server as: <c>postgres</c> when the tests run as root, else null (the current user).</summary>
    private static string? RunAsUser()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return null;
        }

        return File.ReadLines("/etc/passwd").Any(line => line.StartsWith(Superuser + ":", StringComparison.Ordinal))
            ? Superuser
            : throw new InvalidOperationException(
                $"The tests run as root, and PostgreSQL refuses to: they run its server as the '{Superuser}' user, which does not exist here. {InstallAdvice} (the package creates it), or run the tests as a normal user.");
    }

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? runAs)
    {
        // setpriv replaces itself with the program (no extra process in between), so stopping the server stops the program.
        var start = runAs is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("setpriv", [$"--reuid={runAs}", $"--regid={runAs}", "--init-groups", "--", program, .. arguments]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        return start;
    }

    private static Process Launch(string program, IEnumerable<string> arguments, string? runAs, StringBuilder log)
    {
        var process = new Process { StartInfo = StartInfo(program, arguments, runAs) };
        void Record(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line.Data);
            }
        }

        process.OutputDataReceived += Record;
        process.ErrorDataReceived += Record;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string program, IEnumerable<string> arguments, string? runAs)
    {
        var log = new StringBuilder();
        using var process = Launch(program, arguments, runAs, log);
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}:\n{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
