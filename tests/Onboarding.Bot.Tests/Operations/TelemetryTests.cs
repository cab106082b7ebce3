using System.Diagnostics;
using Onboarding.Bot.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// One onboarding through the real host, its telemetry caught by OpenTelemetry's in-memory exporter: the trace tree of
/// the "I've installed it" turn, the metrics, and no name, token or query string in any attribute.
/// </summary>
/// <remarks>
/// Activity sources and meters are process-wide, so another test's host would show up in this exporter: the class runs
/// in a collection of its own, with nothing else in parallel.
/// </remarks>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string UserName = "Quentin Telemetry-Person";
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(configureServices: services =>
        {
            // An exporter of the test's own, sampling everything as the SDK does by default once the host exports.
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans).SetSampler(new AlwaysOnSampler()));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task One_onboarding_gives_a_trace_tree_per_turn_and_counts_without_names_tokens_or_queries()
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        var card = await onboarding.StartAsync(userName: UserName);
        await onboarding.InstallAndConfirmAsync(await onboarding.AuthorizeAsync(card), userName: UserName);

        // The completion notice reaches the connector before the turn records its last step: wait for the turn to end.
        await WhenTurnEndedAsync("chat onboarding.bundle-check");
        Assert.True(_bed.Service<TracerProvider>().ForceFlush());
        Assert.True(_bed.Service<MeterProvider>().ForceFlush());
        var spans = _spans.ToList();

        // The "I've installed it" turn: steps 2-4 and the completion below it, routines below step 4, NetSuite calls below
        // the steps with the HTTP client span below them, and each card update delivered within it.
        var turn = Assert.Single(spans, s => s.DisplayName == "chat onboarding.bundle-check");
        Assert.Equal(default, turn.ParentSpanId);
        var steps = ChildrenOf(turn, spans).Where(s => s.Source.Name == "Onboarding.Flow").Select(s => s.DisplayName).ToList();
        Assert.Equal(["onboarding step bundle", "onboarding step machine-access", "onboarding step post-install", "onboarding step completion"], steps);
        var postInstall = Assert.Single(spans, s => s.DisplayName == "onboarding step post-install");
        Assert.Equal(
            ["post-install validate-prerequisites", "post-install seed-configuration", "post-install register-tenant-metadata", "post-install final-connectivity-check"],
            ChildrenOf(postInstall, spans).Where(s => s.Source.Name == "Onboarding.PostInstall").Select(s => s.DisplayName));
        var machineAccess = Assert.Single(spans, s => s.DisplayName == "onboarding step machine-access");
        var mint = Assert.Single(DescendantsOf(machineAccess, spans), s => s.DisplayName == "netsuite ClientCredentials");
        Assert.Contains(ChildrenOf(mint, spans), s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client);
        Assert.Contains(DescendantsOf(turn, spans), s => s.DisplayName == "deliver card" && (string?)s.GetTagItem("delivery.card") == "onboarding");
        Assert.All(DescendantsOf(turn, spans), s => Assert.Equal(turn.TraceId, s.TraceId));

        // Each post to the connector named a recorded span (UntracedTests: none is recorded without an exporter).
        Assert.All(_bed.Connector.Activities, a => Assert.True(a.TraceSampled, a.TraceParent));

        Assert.Contains(spans, s => s.DisplayName == "chat onboard");
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && (s.GetTagItem("url.path") as string)?.EndsWith("/oauth/netsuite/callback", StringComparison.Ordinal) == true);

        var values = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Append(s.DisplayName)).ToList();
        foreach (var forbidden in (string[])[UserName, "Quentin", "Pat Admin", "pat.admin@example.com", "Demo Company", "code=", "state=", "Bearer", "?"])
        {
            var leaked = values.FirstOrDefault(v => v.Contains(forbidden, StringComparison.Ordinal));
            Assert.True(leaked is null, $"'{forbidden}' is in a span: {leaked}");
        }

        var metrics = _metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(1, Sum(metrics["onboarding.started"]));
        Assert.Equal(1, Sum(metrics["onboarding.finished"], ("outcome", "completed")));
        foreach (var step in (string[])["bundle", "machine-access", "post-install", "completion"])
        {
            Assert.Equal(1, metrics["onboarding.step.duration"].MetricPoints.Where(p => Has(p, ("onboarding.step", step))).Sum(p => p.GetHistogramCount()));
        }

        Assert.True(Sum(metrics["onboarding.netsuite.token.mints"], ("outcome", "issued")) >= 1);
        Assert.Contains(metrics["onboarding.queue.depth"].MetricPoints, p => Has(p, ("queue", "inbox")));
    }

    private static IEnumerable<Activity> ChildrenOf(Activity parent, List<Activity> spans) =>
        spans.Where(s => s.ParentSpanId == parent.SpanId).OrderBy(s => s.StartTimeUtc);

    private static List<Activity> DescendantsOf(Activity root, List<Activity> spans)
    {
        var found = new List<Activity>();
        var frontier = new Queue<Activity>([root]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var child in ChildrenOf(next, spans))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    private static long Sum(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        metric.MetricPoints.Where(p => Has(p, tags)).Sum(p => p.GetSumLong());

    private static bool Has(MetricPoint point, params (string Key, string Value)[] tags)
    {
        var present = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            present[tag.Key] = tag.Value;
        }

        return tags.All(t => present.TryGetValue(t.Key, out var value) && value as string == t.Value);
    }

    /// <summary>Waits until the turn's span has ended (the exporter receives spans as they end); the limit only keeps a broken test from hanging.</summary>
    private async Task WhenTurnEndedAsync(string turn)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Ended())
        {
            await Task.Delay(20, limit.Token);
        }

        bool Ended()
        {
            try
            {
                return _spans.ToList().Any(s => s.DisplayName == turn);
            }
            catch (InvalidOperationException)
            {
                return false; // The exporter added a span while the list was copied.
            }
        }
    }
}

/// <summary>Runs <see cref="TelemetryTests"/> alone.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsCollection;
