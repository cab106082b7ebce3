using Microsoft.Extensions.Options;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hosting;

/// <summary>A wrong setting stops the host at start-up with a message naming the key.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Bot:PublicBaseUrl", "not a url", "Bot:PublicBaseUrl")]
    [InlineData("Bot:PublicBaseUrl", "ftp://example.com", "Bot:PublicBaseUrl")]
    [InlineData("Storage:DatabasePath", "", "Storage:DatabasePath")]
    [InlineData("Storage:BusyTimeoutMilliseconds", "5", "Storage:BusyTimeoutMilliseconds")]
    [InlineData("MicrosoftAppType", "Sometimes", "MicrosoftAppType")]
    [InlineData("NetSuite:Mode", "Production", "NetSuite:Mode")]
    public async Task Bad_value_fails_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = Assert.IsType<OptionsValidationException>(await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleTenant_without_an_app_id_fails_start_up_naming_MicrosoftAppId()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = "tenant-1" };

        var failure = Assert.IsType<OptionsValidationException>(await BotHost.StartExpectingFailureAsync(settings));

        Assert.Contains("MicrosoftAppId is required when MicrosoftAppType is SingleTenant", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_settings_start_and_create_the_database_and_key_ring_beside_each_other()
    {
        using var host = BotHost.Start();

        Assert.True(File.Exists(host.DatabasePath));
        var options = host.Services.GetRequiredService<IOptions<Onboarding.Bot.Hosting.BotOptions>>().Value;
        Assert.Equal(new Uri("http://localhost:3978/oauth/netsuite/callback"), options.OAuthRedirectUri);
        var protector = host.Services.GetRequiredService<Onboarding.Engine.Storage.ISecretProtector>();
        var sealedSecret = protector.Protect("test", "s3cret"u8);
        Assert.Equal("s3cret"u8.ToArray(), protector.Unprotect("test", sealedSecret));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "keys")));
    }
}
