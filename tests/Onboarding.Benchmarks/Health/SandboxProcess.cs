using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// The NetSuite sandbox in a process of its own (its DLL sits in this program's output folder), so the monitor's memory
/// is measured without the simulator's thousands of accounts in it. Killed on dispose.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public static async Task<SandboxProcess> StartAsync(string seedFile, TimeSpan startupTimeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Onboarding.NetSuiteSandbox.dll"),
            "--urls", $"http://127.0.0.1:{port}",
            $"--Sandbox:SeedFile={seedFile}",
            "--Sandbox:EnableTestControl=true",
            "--Sandbox:AllowLoopbackHttpRedirects=true",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine($"[sandbox] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sandbox = new SandboxProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await sandbox.WaitUntilReadyAsync(startupTimeout);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
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
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox process exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                using var response = await client.GetAsync("_sandbox/clock");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still loading its accounts.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The sandbox did not answer within {timeout}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
