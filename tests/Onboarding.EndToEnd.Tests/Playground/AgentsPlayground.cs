using System.Diagnostics;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in playground/package.json) pointed at
/// the bot, with its mock Teams connector, on a free port. It listens on all interfaces (it has no option to bind
/// loopback only), which is why it runs only for the length of a test.
/// </summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _folder;

    private AgentsPlayground(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    /// <summary>The Playground's web UI, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint)
    {
        var port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("agents-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            // Its log and config files go to the working folder, so it gets a throw-away one.
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(RepositoryPaths.Playground, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "--app-endpoint", botEndpoint.AbsoluteUri, "--channel-id", "msteams", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "playground.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Agents Playground.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var playground = new AgentsPlayground(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await playground.WaitUntilAnsweringAsync();
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder is left behind.
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with {_process.ExitCode} before answering.");
            }

            try
            {
                if (await client.GetStringAsync("_debug/ping") == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartLimit)
            {
                throw new TimeoutException($"The Agents Playground did not answer at {Address} within {StartLimit}.");
            }

            await Task.Delay(250);
        }
    }
}
