using Onboarding.Bot.Chat;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotOptions();
builder.AddEngineStorage();
builder.AddChatRouting();
builder.AddTeamsChannel();

var app = builder.Build();

app.MapTeams();

app.Run();
