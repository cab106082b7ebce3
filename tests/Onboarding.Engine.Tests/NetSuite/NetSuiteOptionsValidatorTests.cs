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
    [InlineData("MachineClientId", "", "NetSuite:MachineClientId")]
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

    [Fact]
    public void One_integration_record_for_both_grants_is_refused_naming_both_keys()
    {
        var options = new NetSuiteOptions { ClientId = "vendor-client", MachineClientId = "vendor-client" };

        var result = new NetSuiteOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("NetSuite:MachineClientId must differ from NetSuite:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_assertions_and_the_certificate_endpoint_use_the_machine_record_and_sign_in_uses_the_onboarding_record()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler(), new Dictionary<string, string?> { ["NetSuite:ClientId"] = "onboarding-1", ["NetSuite:MachineClientId"] = "machine-1" });

        var start = host.Get<INetSuiteAuthorization>().BeginAuthorization(AccountId.Parse("1234567_SB1"));
        var certificates = host.Get<NetSuiteEndpoints>().Certificates(AccountId.Parse("1234567_SB1"));

        Assert.Contains("client_id=onboarding-1", start.AuthorizeUrl.Query, StringComparison.Ordinal);
        Assert.Contains("/clients/machine-1/certificates", certificates.AbsolutePath, StringComparison.Ordinal);
    }
}
