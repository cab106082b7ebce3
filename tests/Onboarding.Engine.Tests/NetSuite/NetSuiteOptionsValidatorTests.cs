using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class NetSuiteOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new NetSuiteOptionsValidator().Validate(null, new NetSuiteOptions()).Succeeded);
    }

    [Theory]
    [InlineData("ClientId", "", "NetSuite:ClientId")]
    [InlineData("RedirectUri", "/oauth/netsuite/callback", "NetSuite:RedirectUri")]
    [InlineData("Scopes", "rest_webservices mcp", "NetSuite:Scopes")]
    [InlineData("SuiteTalkBaseUrl", "https://suitetalk.api.netsuite.com", "NetSuite:SuiteTalkBaseUrl")]
    [InlineData("AppBaseUrl", "https://{account}.app.netsuite.com?x=1", "NetSuite:AppBaseUrl")]
    [InlineData("SystemBaseUrl", "https://{account}.netsuite.com", "NetSuite:SystemBaseUrl")]
    [InlineData("CertificateValidityDays", "731", "NetSuite:CertificateValidityDays")]
    [InlineData("AssertionLifetime", "01:00:00", "NetSuite:AssertionLifetime")]
    [InlineData("KeyAlgorithm", "Rsa2048", "NetSuite:KeyAlgorithm")]
    public void A_bad_setting_fails_start_up_with_a_message_naming_its_key(string key, string value, string expectedKey)
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler(), new Dictionary<string, string?> { ["NetSuite:" + key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => host.Get<IOptions<NetSuiteOptions>>().Value);

        Assert.Contains(expectedKey, failure.Message);
    }
}
