using System.Diagnostics;
using Onboarding.Benchmarks.Measurement;

namespace Onboarding.Benchmarks.Health;

/// <summary>
/// The NetSuite sandbox in a process of its own (its DLL sits in this program's output folder), so the monitor's memory
/// is measured without the simulator's thousands of accounts in it. Ready once its test-control API answers, which it
/// does only after every account is loaded. Killed on dispose.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SandboxProcess(ChildProcess process) => _process = process;

    public Uri BaseAddress => _process.BaseAddress;

    public int Id => _process.Id;

    public static async Task<SandboxProcess> StartAsync(string seedFile, TimeSpan startupTimeout)
    {
        var process = await ChildProcess.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "Onboarding.NetSuiteSandbox.dll"),
            [$"--Sandbox:SeedFile={seedFile}", "--Sandbox:EnableTestControl=true", "--Sandbox:AllowLoopbackHttpRedirects=true", "--Logging:LogLevel:Default=Warning"],
            new Dictionary<string, string>(),
            startupTimeout);
        var sandbox = new SandboxProcess(process);
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

    public ValueTask DisposeAsync() => _process.DisposeAsync();

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
}
