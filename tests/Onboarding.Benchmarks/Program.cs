using Onboarding.Benchmarks.Audit;
using Onboarding.Benchmarks.Flood;
using Onboarding.Benchmarks.Health;
using Onboarding.Benchmarks.Keys;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Benchmarks.Flow;
using Onboarding.Benchmarks.Slack;
using Onboarding.Benchmarks.Turns;
using Onboarding.Engine.Storage;

// dotnet run -c Release --project tests/Onboarding.Benchmarks -- <scenario> [--quick]
// One scenario per process, so peak memory and warm caches belong to that scenario alone.
const string Usage = "usage: Onboarding.Benchmarks <keys|turn|slack-ack|onboarding|health|health-postgres|health-scale|health-latency|flood|audit> [--quick] [--gc server|workstation]";

if (args.FirstOrDefault() == EchoHost.Mode)
{
    return await EchoHost.RunAsync(args[1..]);
}

// The test host finds the bot's content root through MvcTestingAppManifest.json, looked up in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var size = new RunSize(args.Contains("--quick"));
var load = $"{size.Name}, {MachineLoad.Describe()}";
Console.WriteLine($"{scenario}: {load}");

ResultTable? table = scenario switch
{
    "keys" => RunKeys(size),
    "turn" => await CommandTurnScenario.RunAsync(size),
    "slack-ack" => await SlackAcknowledgementScenario.RunAsync(size),
    "onboarding" => await OnboardingScenario.RunAsync(size),
    "health" => await HealthScenario.RunAsync(size, StorageProvider.Sqlite),
    "health-postgres" => await HealthScenario.RunAsync(size, StorageProvider.PostgreSql),
    "health-scale" => await HealthScaleScenario.RunAsync(size),
    "health-latency" => await HealthLatencyScenario.RunAsync(size),
    "flood" => await FloodScenario.RunAsync(size, OptionValue(args, "--gc")),
    "audit" => await AuditWriteScenario.RunAsync(size),
    _ => null,
};

if (table is null && scenario != "keys")
{
    Console.Error.WriteLine(Usage);
    return 2;
}

table?.Print($"{load}; ended {MachineLoad.Describe()}");
return 0;

static string? OptionValue(string[] args, string name) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static ResultTable? RunKeys(RunSize size)
{
    KeyGenerationScenario.Run(size);
    return null;
}
