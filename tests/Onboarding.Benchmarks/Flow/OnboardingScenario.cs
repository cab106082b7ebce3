using System.Diagnostics;
using System.Net;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Keys;

namespace Onboarding.Benchmarks.Flow;

/// <summary>
/// (c) Whole onboardings in Teams against the embedded sandbox, a fresh host per onboarding. Bot-side time is the wall
/// time of the three stretches the bot works through (onboard → authorize card; OAuth callback → bundle card; "I've
/// installed it" → connected card and completion notice) minus the time its HTTP clients waited on the sandbox in them.
/// The admin's own steps in the browser (consent, install) are not timed. Card updates are counted with the default
/// pacing (Onboarding:CardUpdateInterval): how often one onboarding writes into Teams' per-conversation rate limit.
/// </summary>
public static class OnboardingScenario
{
    public const double TargetMilliseconds = 300;

    public static async Task<ResultTable> RunAsync(RunSize size)
    {
        var runs = size.Pick(2, 10);
        var table = new ResultTable("c. full onboarding");
        foreach (var algorithm in new[] { KeyAlgorithm.EcP256, KeyAlgorithm.Rsa3072 })
        {
            await OnboardAsync(algorithm); // Warm-up: JIT and first-use costs of a new process are not an onboarding's.
            var botSide = new Latencies();
            var wall = new Latencies();
            var waited = new Latencies();
            var updates = new List<int>();
            for (var i = 0; i < runs; i++)
            {
                var (total, netSuite, cardUpdates) = await OnboardAsync(algorithm);
                botSide.Add(total - netSuite);
                wall.Add(total);
                waited.Add(netSuite);
                updates.Add(cardUpdates);
            }

            Console.WriteLine($"{algorithm}: bot-side {botSide}; bot stretches {wall}; waiting on sandbox {waited}");
            var label = algorithm == KeyAlgorithm.EcP256 ? "EC P-256" : "RSA-3072";
            table.Report($"{label}: onboardings", runs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Report($"{label}: bot stretches / of which sandbox (median)", $"{wall.Percentile(50):F0} / {waited.Percentile(50):F0} ms");
            table.Report($"{label}: card updates per onboarding (min / max)", $"{updates.Min()} / {updates.Max()}");
            if (algorithm == KeyAlgorithm.EcP256)
            {
                table.Below($"{label}: bot-side time (median)", botSide.Percentile(50), TargetMilliseconds, " ms", "F0");
                table.Below($"{label}: bot-side time (max)", botSide.Max, TargetMilliseconds, " ms", "F0");
            }
            else
            {
                table.Report($"{label}: bot-side time (median / max)", $"{botSide.Percentile(50):F0} / {botSide.Max:F0} ms");
            }
        }

        return table;
    }

    private static async Task<(TimeSpan Total, TimeSpan NetSuite, int CardUpdates)> OnboardAsync(KeyAlgorithm algorithm)
    {
        var waits = new NetSuiteWaits();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Health:Enabled"] = "false",
            ["NetSuite:KeyAlgorithm"] = algorithm.ToString(),
        };
        if (Environment.GetEnvironmentVariable("BENCH_LOG_LEVEL") is { } level)
        {
            // BENCH_LOG_LEVEL=Debug shows where a slow stretch spends its time (timestamped log lines).
            settings["Logging:LogLevel:Default"] = level;
        }

        await using var bed = await BotTestBed.StartAsync(
            settings,
            services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(waits.CreateHandler)));
        waits.Server = () => bed.Service<EmbeddedSandbox>().BaseAddress;
        using var browser = new AdminBrowser(bed.Host.BaseAddress);
        var onboarding = new TeamsOnboarding(bed, browser, bed.Teams);

        var stretches = new List<(TimeSpan Wall, TimeSpan NetSuite)>();
        var started = Stopwatch.GetTimestamp();
        var waitedBefore = waits.Total;
        void EndStretch() => stretches.Add((Stopwatch.GetElapsedTime(started), waits.Total - waitedBefore));

        var card = await onboarding.StartAsync();
        EndStretch();

        var redirect = await browser.ConsentAsync(card.Link("Authorize in NetSuite"));
        started = Stopwatch.GetTimestamp();
        waitedBefore = waits.Total;
        var (status, page, _) = await browser.FollowToBotAsync(redirect);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The OAuth callback answered {status}: {page}");
        }

        var step2 = await onboarding.CardShowingAsync(a => a.HasButton("I've installed it"));
        EndStretch();

        await browser.InstallBundleAsync(step2.Link("Open install page"));
        started = Stopwatch.GetTimestamp();
        waitedBefore = waits.Total;
        await bed.SendAsync(bed.Teams.Submit(step2.SubmitData("I've installed it"), onboarding.CardId));
        await onboarding.CardShowingAsync(a => a.Shows("is connected"));
        await bed.Connector.WaitForAsync(a => !a.IsUpdate && a.Shows("All set"));
        EndStretch();

        Console.WriteLine($"  {algorithm}: " + string.Join(" | ", stretches.Select(s => $"{s.Wall.TotalMilliseconds:F0} ms ({s.NetSuite.TotalMilliseconds:F0} ms sandbox)")));
        return (stretches.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Wall), stretches.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.NetSuite), onboarding.CardUpdates.Count);
    }
}
