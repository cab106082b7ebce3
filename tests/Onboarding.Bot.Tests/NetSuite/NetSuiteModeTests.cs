using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Bot.Tests.NetSuite;

/// <summary>The embedded default: no NetSuite account configured means the sandbox in-process; naming one means NetSuite.</summary>
public sealed class NetSuiteModeTests
{
    [Theory]
    [InlineData(null, null, NetSuiteMode.Sandbox)]
    [InlineData("auto", null, NetSuiteMode.Sandbox)]
    [InlineData(null, "NetSuite:ClientId", NetSuiteMode.NetSuite)]
    [InlineData(null, "NetSuite:SuiteTalkBaseUrl", NetSuiteMode.NetSuite)]
    [InlineData("Sandbox", "NetSuite:ClientId", NetSuiteMode.Sandbox)]
    [InlineData("NetSuite", null, NetSuiteMode.NetSuite)]
    public void Mode_is_the_sandbox_unless_a_real_integration_is_named(string? mode, string? setKey, NetSuiteMode expected)
    {
        var settings = new Dictionary<string, string?> { [NetSuiteRegistration.ModeKey] = mode };
        if (setKey is not null)
        {
            settings[setKey] = "https://{account}.suitetalk.api.netsuite.com";
        }

        Assert.Equal(expected, NetSuiteRegistration.ModeOf(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    [Fact]
    public void Unknown_mode_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["NetSuite:Mode"] = "Production" }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => NetSuiteRegistration.ModeOf(configuration));

        Assert.Contains("NetSuite:Mode must be Auto, Sandbox or NetSuite", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_settings_point_the_engine_at_the_embedded_sandbox_with_the_redirect_from_the_public_base_url()
    {
        using var host = BotHost.Start();

        var sandbox = host.Services.GetRequiredService<EmbeddedSandbox>().BaseAddress.AbsoluteUri.TrimEnd('/');
        var options = host.Services.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
        Assert.Equal(sandbox + "/{account}", options.AppBaseUrl);
        Assert.Equal(sandbox + "/{account}", options.SuiteTalkBaseUrl);
        Assert.Equal(sandbox + "/{account}", options.RestletsBaseUrl);
        Assert.Equal(sandbox + "/system", options.SystemBaseUrl);
        Assert.Equal("http://localhost:3978/oauth/netsuite/callback", options.RedirectUri);
        Assert.StartsWith("http://127.0.0.1:", sandbox, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_integration_starts_no_sandbox_and_keeps_its_templates()
    {
        using var host = BotHost.Start(new Dictionary<string, string?>
        {
            ["NetSuite:ClientId"] = "vendor-client",
            ["Bot:PublicBaseUrl"] = "https://bot.example.com",
        });

        Assert.False(host.Services.GetRequiredService<EmbeddedSandbox>().IsStarted);
        var options = host.Services.GetRequiredService<IOptions<NetSuiteOptions>>().Value;
        Assert.Equal("https://{account}.suitetalk.api.netsuite.com", options.SuiteTalkBaseUrl);
        Assert.Equal("https://bot.example.com/oauth/netsuite/callback", options.RedirectUri);
    }
}
