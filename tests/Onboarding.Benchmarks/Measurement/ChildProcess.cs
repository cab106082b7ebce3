using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// A program of this solution in a process of its own, on its own port of 127.0.0.1, killed on dispose — and when this
/// process ends without disposing it (<c>Environment.Exit</c>, SIGTERM), so no sandbox of 2 GB outlives its benchmark
/// and slows the next one down.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/> --urls …</c> and waits until its port accepts connections.</summary>
    public static async Task<ChildProcess> StartAsync(
        string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? startupTimeout = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments.Concat(["--urls", $"http://127.0.0.1:{port}"]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(assembly)}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var deadline = new CancellationTokenSource(startupTimeout ?? TimeSpan.FromMinutes(2));
        try
        {
            while (true)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                    return child;
                }
                catch (SocketException) when (!process.HasExited)
                {
                    await Task.Delay(200, deadline.Token);
                }
            }
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
