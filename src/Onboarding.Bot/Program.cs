using Onboarding.Bot.Chat;
using Onboarding.Bot.Health;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotOptions();
builder.AddEngineStorage();
builder.AddChatRouting();
builder.AddTeamsChannel();
builder.AddConnectionHealth();

var app = builder.Build();

app.MapTeams();
app.MapConnectionHealth();

app.Run();
