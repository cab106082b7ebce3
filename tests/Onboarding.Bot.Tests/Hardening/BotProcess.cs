using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// The built host (<c>dotnet Onboarding.Bot.dll</c>) as a child process on 127.0.0.1 with a random port and its own
/// database folder: for what an in-process host cannot show — a process-wide trust store, or a real kill.
/// Everything it writes to the console is kept (<see cref="Output"/>).
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly int _port;

    private BotProcess(Process process, int port)
    {
        _process = process;
        _port = port;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The host's process id (<c>dotnet</c> runs the app in its own process): to read its memory in /proc, or to tell which instance holds a claim.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the host with <paramref name="settings"/> as command-line overrides and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(TestDirectory directory, IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var hostAssembly = typeof(BotOptions).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostAssembly);
        var port = FreePort();
        var all = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Storage:DatabasePath"] = Path.Combine(directory.Path, "onboarding.db"),
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process, port);
        process.OutputDataReceived += (_, line) => bot.Record(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Record(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            bot.BaseAddress = await bot._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return bot;
        }
        catch (TimeoutException)
        {
            await bot.DisposeAsync();
            throw new TimeoutException("The host did not start listening:\n" + string.Join('\n', bot.Output));
        }
    }

    /// <summary>A real kill: no shutdown hooks, no flushing, as when the machine loses power or the pod is evicted.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        // The embedded sandbox announces its own (random) address too; the host's is the port it was given.
        if (Listening().Match(line) is { Success: true } match && match.Groups["port"].Value == _port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            _listening.TrySetResult(new Uri(match.Groups["address"].Value.TrimEnd('/') + "/"));
        }
    }

    // Port 0 would let Kestrel choose, but then the host's address could not be told from the sandbox's in the output.
    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:(?<port>[0-9]+))")]
    private static partial Regex Listening();
}
