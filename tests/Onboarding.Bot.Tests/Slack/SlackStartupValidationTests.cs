using Microsoft.Extensions.Options;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>A Slack configuration that could not work stops the host at start-up, naming the key.</summary>
public sealed class SlackStartupValidationTests
{
    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken")]
    [InlineData("Slack:ApiBaseUrl", "https://slack.com/api", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ApiBaseUrl", "file:///etc/", "Slack:ApiBaseUrl")]
    [InlineData("Slack:ClientId", "1234.5678", "Slack:ClientSecret")]
    public async Task Bad_value_fails_start_up_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret", ["Slack:BotToken"] = "xoxb-1", [key] = value };

        var failure = Assert.IsType<OptionsValidationException>(await BotHost.StartExpectingFailureAsync(settings));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_secret_without_any_way_to_post_fails_start_up()
    {
        var failure = Assert.IsType<OptionsValidationException>(
            await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "secret" }));

        Assert.Contains("Slack:BotToken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oauth_settings_alone_are_enough_for_a_multi_workspace_install()
    {
        using var host = BotHost.Start(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:ClientId"] = "1234.5678",
            ["Slack:ClientSecret"] = "client-secret",
        });

        Assert.NotNull(host.Services.GetRequiredService<IOptions<Onboarding.Bot.Slack.SlackOptions>>().Value.ClientId);
    }
}
