using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class NetSuiteEndpointsTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    [Fact]
    public void Defaults_point_at_NetSuites_production_hosts()
    {
        var endpoints = new NetSuiteEndpoints(Options.Create(new NetSuiteOptions()));

        Assert.Equal("https://1234567-sb1.app.netsuite.com/app/login/oauth2/authorize.nl", endpoints.Authorize(Account).AbsoluteUri);
        Assert.Equal("https://system.netsuite.com/app/login/oauth2/authorize.nl", endpoints.Authorize(null).AbsoluteUri);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token", endpoints.Token(Account).AbsoluteUri);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/revoke", endpoints.Revoke(Account).AbsoluteUri);
        Assert.Equal("https://1234567-sb1.restlets.api.netsuite.com/services/rest/auth/oauth2/v1/clients/demo-machine-client/certificates", endpoints.Certificates(Account).AbsoluteUri);
        Assert.Equal("https://1234567-sb1.restlets.api.netsuite.com/services/rest/auth/oauth2/v1/clients/demo-machine-client/certificates/abc_-1/revoke", endpoints.RevokeCertificate(Account, "abc_-1").AbsoluteUri);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=10&offset=20", endpoints.SuiteQl(Account, 10, 20).AbsoluteUri);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customrecord_onboarding_config/5", endpoints.Record(Account, "customrecord_onboarding_config", "5").AbsoluteUri);
        Assert.Equal(
            "https://1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_onboarding_bundle_check&deploy=customdeploy_onboarding_bundle_check&bundleId=500123",
            endpoints.Restlet(Account, new RestletId("customscript_onboarding_bundle_check", "customdeploy_onboarding_bundle_check"), new Dictionary<string, string> { ["bundleId"] = "500123" }).AbsoluteUri);
    }

    [Fact]
    public void Templates_with_a_path_give_the_sandbox_layout()
    {
        var options = new NetSuiteOptions();
        options.UseSandboxLayout(new Uri("http://127.0.0.1:5080/"));
        var endpoints = new NetSuiteEndpoints(Options.Create(options));

        Assert.Equal("http://127.0.0.1:5080/1234567-sb1/app/login/oauth2/authorize.nl", endpoints.Authorize(Account).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/system/app/login/oauth2/authorize.nl", endpoints.Authorize(null).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/1234567-sb1/services/rest/auth/oauth2/v1/token", endpoints.Token(Account).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/1234567-sb1/services/rest/query/v1/suiteql?limit=1&offset=0", endpoints.SuiteQl(Account, 1, 0).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/1234567-sb1/app/site/hosting/restlet.nl?script=1&deploy=2", endpoints.Restlet(Account, new RestletId("1", "2")).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5080/1234567-sb1/services/rest/auth/oauth2/v1/clients/demo-machine-client/certificates", endpoints.Certificates(Account).AbsoluteUri);
        Assert.True(new NetSuiteOptionsValidator().Validate(null, options).Succeeded);
    }
}
