using Onboarding.Benchmarks.Audit;
using Onboarding.Benchmarks.Health;
using Onboarding.Benchmarks.Keys;
using Onboarding.Benchmarks.Measurement;
using Onboarding.Benchmarks.Flow;
using Onboarding.Benchmarks.Slack;
using Onboarding.Benchmarks.Turns;

// dotnet run -c Release --project tests/Onboarding.Benchmarks -- <scenario> [--quick]
// One scenario per process, so peak memory and warm caches belong to that scenario alone.
const string Usage = "usage: Onboarding.Benchmarks <keys|turn|slack-ack|onboarding|health|audit> [--quick]";

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
    "health" => await HealthScenario.RunAsync(size),
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

static ResultTable? RunKeys(RunSize size)
{
    KeyGenerationScenario.Run(size);
    return null;
}
