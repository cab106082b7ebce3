using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>Runs one of the ecosystem's Node scripts and reads the JSON report it prints.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<JsonNode> RunAsync(string script, params string[] arguments)
    {
        Prerequisites.Require(Prerequisites.MissingForNodeChecks());
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Ecosystem,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Ecosystem, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Limit))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within {Limit}.");
            }
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await errors}");
        }

        return JsonNode.Parse(await output) ?? throw new InvalidOperationException($"node {script} printed no JSON.");
    }
}
