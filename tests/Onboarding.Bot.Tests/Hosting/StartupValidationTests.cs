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
    [InlineData("Onboarding:Roles:Operations:0", "29:user-vic", "Onboarding:Roles:Operations:0")]
    [InlineData("Onboarding:Roles:Operations:0", "webchat:tenant-1/user", "must start with msteams: or slack:")]
    [InlineData("Onboarding:Roles:Success:0", "msteams:tenant-1", "Onboarding:Roles:Success:0")]
    [InlineData("Onboarding:Roles:Success:0", "msteams:/aad-user", "msteams:<entra-tenant-id>/<aadObjectId>")]
    [InlineData("Onboarding:Roles:Success:0", "slack:t0team/u0user", "Slack team and user ids are upper-case")]
    [InlineData("Onboarding:Roles:Success:0", "msteams:tenant 1/aad-user", "Onboarding:Roles:Success:0")]
    [InlineData("Bot:OtherChannels:0", "Web Chat", "Bot:OtherChannels:0")]
    [InlineData("Bot:OtherChannels:0", "slack", "Bot:OtherChannels:0")]
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
    public async Task The_retired_staff_list_stops_start_up_saying_how_to_move_to_roles()
    {
        var failure = Assert.IsType<OptionsValidationException>(
            await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?> { ["Onboarding:StaffUserIds:0"] = "aad-29:user-vic" }));

        Assert.Contains("Onboarding:StaffUserIds is no longer read", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Onboarding:Roles:Operations", failure.Message, StringComparison.Ordinal);
        Assert.Contains("msteams:<entra-tenant-id>/<aadObjectId>", failure.Message, StringComparison.Ordinal);
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
