using System.Net.Http.Json;
using Onboarding.Bot.Security;
using Onboarding.Bot.Tests.Hardening;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;

namespace Onboarding.Bot.Tests.Hosting;

/// <summary>
/// The cold local demo — Development environment, the embedded sandbox, no MicrosoftAppId — lets the person at the
/// keyboard try every command, says so loudly at start-up, and grants nothing in any other combination.
/// </summary>
public sealed class LocalDemoRolesTests : BotProcessTest
{
    [Fact]
    public async Task A_cold_demo_lets_the_person_at_the_keyboard_run_every_staff_command()
    {
        await using var bot = await BotProcess.StartAsync(Directory, new Dictionary<string, string?>());
        var chat = new TeamsActivities(Connector.ServiceUrl);

        await PostAsync(bot, chat.Message("alerts here"));
        await PostAsync(bot, chat.Message("offboard 1234567_SB1"));
        await PostAsync(bot, chat.Message("status"));

        await Connector.WaitForAsync(a => a.Shows("Connection alerts on for this conversation"));
        await Connector.WaitForAsync(a => a.Shows("1234567_SB1 is not connected"));
        await Connector.WaitForAsync(a => a.Shows("Status of every tenant"));
        Assert.DoesNotContain(Connector.Activities, a => a.Shows("That command is for the vendor's staff"));
        Assert.Contains(bot.Output, line => line.Contains("LOCAL DEMO", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", "Sandbox")]
    [InlineData("Development", "NetSuite")]
    public async Task Outside_the_demo_combination_nobody_is_staff(string environment, string mode)
    {
        var settings = new Dictionary<string, string?> { ["NetSuite:Mode"] = mode };
        if (mode == "NetSuite")
        {
            settings["NetSuite:ClientId"] = "vendor-client";
        }

        await using var bot = await BotProcess.StartAsync(Directory, settings, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment });
        var chat = new TeamsActivities(Connector.ServiceUrl);

        await PostAsync(bot, chat.Message("alerts here"));

        await Connector.WaitForAsync(a => a.Shows("That command is for the vendor's staff"));
        Assert.DoesNotContain(bot.Output, line => line.Contains("LOCAL DEMO", StringComparison.Ordinal));
    }

    [Fact]
    public void The_demo_grant_never_reaches_slack_users()
    {
        using var host = BotHost.Start(new Dictionary<string, string?> { ["Bot:LocalDemoRoles"] = "true" });
        var demo = host.Services.GetRequiredService<LocalDemoRoles>();
        var teams = Command(new ConversationKey("msteams", "tenant-1", "a:chat"));
        var slack = Command(new ConversationKey("slack", "T0TEAM", "C0CHANNEL"));

        Assert.True(demo.IsActive);
        Assert.Equal(StaffRoles.Operations | StaffRoles.Success, demo.RolesOf(teams));
        Assert.Equal(StaffRoles.None, demo.RolesOf(slack));
    }

    [Fact]
    public void The_demo_grant_needs_local_anonymous_mode()
    {
        using var host = BotHost.Start(new Dictionary<string, string?>
        {
            ["Bot:LocalDemoRoles"] = "true",
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "00000000-1111-2222-3333-444444444444",
            ["MicrosoftAppPassword"] = "app-password",
        });

        Assert.False(host.Services.GetRequiredService<LocalDemoRoles>().IsActive);
    }

    private static ChatCommand Command(ConversationKey conversation) =>
        new(conversation, new ChatUser("user-1", "Pat"), "alerts", "here", new Dictionary<string, string>(), null, false);

    private static async Task PostAsync(BotProcess bot, System.Text.Json.Nodes.JsonObject activity)
    {
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await client.PostAsJsonAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
    }
}
