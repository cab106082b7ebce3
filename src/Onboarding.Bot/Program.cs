using Onboarding.Bot.Chat;
using Onboarding.Bot.Health;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.OAuth;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack;
using Onboarding.Bot.Teams;

var builder = WebApplication.CreateBuilder(args);

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

var app = builder.Build();

app.UseEdgeSecurity();
app.MapTeams();
app.MapSlack();
app.MapNetSuiteOAuth();
app.MapConnectionHealth();

await app.RunAsync();
