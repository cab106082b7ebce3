using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class ClientCredentialsTokensTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    [Fact]
    public async Task Token_request_carries_only_the_grant_and_the_signed_assertion()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IClientCredentialsTokens>().GetAsync(Credential(host), CancellationToken.None);

        Assert.Equal("cc-1", result.Value.Value);
        var request = Assert.Single(netsuite.Requests);
        Assert.Equal("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token", request.Uri.AbsoluteUri);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(["client_assertion", "client_assertion_type", "grant_type"], request.Form.Keys.Order());
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
        Assert.Equal("cert-1", new JsonWebToken(request.Form["client_assertion"]).Kid);
    }

    [Fact]
    public async Task A_cached_token_is_reused_until_shortly_before_it_expires()
    {
        using var host = new NetSuiteTestHost(TwoTokens());
        var tokens = host.Get<IClientCredentialsTokens>();
        var credential = Credential(host);

        var first = await tokens.GetAsync(credential, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(57));
        var second = await tokens.GetAsync(credential, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var third = await tokens.GetAsync(credential, CancellationToken.None);

        Assert.Equal("cc-1", first.Value.Value);
        Assert.Equal("cc-1", second.Value.Value);
        Assert.Equal("cc-2", third.Value.Value);
    }

    [Fact]
    public async Task Concurrent_callers_for_one_tenant_share_one_request()
    {
        var release = new TaskCompletionSource();
        var netsuite = new StubNetSuiteHandler().Always(_ =>
        {
            release.Task.Wait();
            return StubNetSuiteHandler.Json(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""");
        });
        using var host = new NetSuiteTestHost(netsuite);
        var tokens = host.Get<IClientCredentialsTokens>();
        var credential = Credential(host);

        var callers = Enumerable.Range(0, 8).Select(_ => tokens.GetAsync(credential, CancellationToken.None)).ToList();
        release.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.All(results, r => Assert.Equal("cc-1", r.Value.Value));
        Assert.Single(netsuite.Requests);
    }

    [Fact]
    public async Task Invalidate_forgets_the_cached_token()
    {
        using var host = new NetSuiteTestHost(TwoTokens());
        var tokens = host.Get<IClientCredentialsTokens>();
        var credential = Credential(host);

        await tokens.GetAsync(credential, CancellationToken.None);
        tokens.Invalidate(Account);
        var after = await tokens.GetAsync(credential, CancellationToken.None);

        Assert.Equal("cc-2", after.Value.Value);
    }

    [Fact]
    public async Task A_token_minted_while_being_invalidated_is_not_kept()
    {
        var release = new TaskCompletionSource();
        var netsuite = new StubNetSuiteHandler()
            .Then(_ =>
            {
                release.Task.Wait();
                return StubNetSuiteHandler.Json(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""");
            })
            .Then(HttpStatusCode.OK, """{"access_token":"cc-2","expires_in":3600,"token_type":"Bearer"}""");
        using var host = new NetSuiteTestHost(netsuite);
        var tokens = host.Get<IClientCredentialsTokens>();
        var credential = Credential(host);

        var during = tokens.GetAsync(credential, CancellationToken.None);
        tokens.Invalidate(Account);
        release.SetResult();
        await during;
        var after = await tokens.GetAsync(credential, CancellationToken.None);

        Assert.Equal("cc-2", after.Value.Value);
    }

    [Fact]
    public async Task An_invalid_client_answer_means_the_certificate_must_be_rotated()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IClientCredentialsTokens>().GetAsync(Credential(host), CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.CertificateRejected, result.Error?.Kind);
        Assert.Equal("NetSuite no longer accepts this certificate: it may be revoked or expired, or the account was refreshed from production — rotate it.", result.Error?.Explanation.En());
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_5xx_is_retried_with_a_newly_signed_assertion(HttpStatusCode status)
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(status, """{"error":"server_error"}""")
            .Then(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""");
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<IClientCredentialsTokens>().GetAsync(Credential(host), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.Explanation.En());
        Assert.Equal("cc-1", result.Value.Value);
        Assert.Equal(2, netsuite.Requests.Count);
        var assertions = netsuite.Requests.Select(r => new JsonWebToken(r.Form["client_assertion"])).ToList();
        Assert.NotEqual(assertions[0].Id, assertions[1].Id);
        Assert.NotEqual(assertions[0].EncodedToken, assertions[1].EncodedToken);
    }

    [Fact]
    public async Task A_refused_assertion_is_not_retried()
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""")
            .Then(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""");
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<IClientCredentialsTokens>().GetAsync(Credential(host), CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.CertificateRejected, result.Error?.Kind);
        Assert.Single(netsuite.Requests);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.Unauthorized, """{"error":"invalid_client"}""")
            .Then(HttpStatusCode.OK, """{"access_token":"cc-2","expires_in":"3600","token_type":"Bearer"}""");
        using var host = new NetSuiteTestHost(netsuite);
        var tokens = host.Get<IClientCredentialsTokens>();
        var credential = Credential(host);

        await tokens.GetAsync(credential, CancellationToken.None);
        var second = await tokens.GetAsync(credential, CancellationToken.None);

        Assert.Equal("cc-2", second.Value.Value);
    }

    private static StubNetSuiteHandler TwoTokens() => new StubNetSuiteHandler()
        .Then(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""")
        .Then(HttpStatusCode.OK, """{"access_token":"cc-2","expires_in":3600,"token_type":"Bearer"}""");

    private static MachineCredential Credential(NetSuiteTestHost host)
    {
        var material = host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, Account.Value, TimeSpan.FromDays(30));
        return new MachineCredential(Account, "cert-1", KeyAlgorithm.EcP256, material.PrivateKeyPkcs8);
    }
}
