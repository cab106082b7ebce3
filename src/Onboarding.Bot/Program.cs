using System.Globalization;
using Onboarding.Bot.Chat;
using Onboarding.Bot.Health;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.OAuth;
using Onboarding.Bot.Operations;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack;
using Onboarding.Bot.Teams;
using Onboarding.Bot.Telemetry;

// Texts choose their language per reader (docs/languages.md); nothing else may depend on the machine's culture, so the
// process runs in the invariant one whatever LANG says.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

if (OperationsCommandLine.IsCommand(args))
{
    return await OperationsCommandLine.RunAsync(args, Console.Out, Console.Error);
}

// Command-line arguments come after the host's defaults, so `--hostBuilder:reloadConfigOnChange=true` still wins.
var builder = WebApplication.CreateBuilder([HostArguments.ReadSettingsOnce, .. args]);

builder.AddBotOptions();
builder.AddEdgeSecurity();
builder.AddEngineStorage();
builder.AddNetSuite();
builder.AddNetSuiteOAuth();
builder.AddOnboarding();
builder.AddChatRouting();
builder.AddTeamsChannel();
builder.AddSlackChannel();
builder.AddConnectionHealth();
builder.AddTelemetry();
builder.AddOperations();

var app = builder.Build();

app.UseEdgeSecurity();
app.MapTeams();
app.MapSlack();
app.MapNetSuiteOAuth();
app.MapConnectionHealth();

await app.RunAsync();
return 0;
