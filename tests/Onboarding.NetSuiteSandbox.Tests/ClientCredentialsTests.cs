using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class ClientCredentialsTests : SandboxTest
{
    private async Task<(TestKey Key, string Kid, DateTimeOffset Now)> SetUpAsync(TestKey? key = null)
    {
        key ??= TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        return (key, kid, await SandboxNowAsync());
    }

    private async Task<string> RefusalAsync(Assertion assertion, AsymmetricAlgorithm key, HttpStatusCode status) =>
        await OAuthErrorAsync(await ClientCredentialsAsync(assertion.Sign(key)), status);

    [Fact]
    public async Task Es256_assertion_gets_a_bearer_token_for_the_mapped_role_and_entity()
    {
        var (key, kid, now) = await SetUpAsync();

        var body = await JsonAsync(await ClientCredentialsAsync(Assertion.For(kid, TokenUrl, now).Sign(key.Key)), HttpStatusCode.OK);

        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Null(body["refresh_token"]);
        var token = body["access_token"]!.GetValue<string>();
        Assert.Contains($";{AppRoleId};{AdminEntityId};", DecodePayload(token)["sub"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(token, "SELECT id FROM customrecord_onboarding_config")).StatusCode);
    }

    [Fact]
    public async Task Ps256_assertion_with_an_rsa_3072_certificate_is_accepted()
    {
        var (key, kid, now) = await SetUpAsync(TestKey.Rsa(3072));
        await JsonAsync(await ClientCredentialsAsync(Assertion.For(kid, TokenUrl, now, alg: "PS256").Sign(key.Key)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rs256_assertion_is_refused()
    {
        var (key, kid, now) = await SetUpAsync(TestKey.Rsa(3072));
        Assert.Equal("invalid_request", await RefusalAsync(Assertion.For(kid, TokenUrl, now, alg: "RS256"), key.Key, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Unknown_kid_is_refused()
    {
        var (key, _, now) = await SetUpAsync();
        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For("unknown-certificate-id", TokenUrl, now), key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Expired_assertion_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, TokenUrl, now.AddMinutes(-30));
        Assert.Equal("invalid_client", await RefusalAsync(assertion, key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Assertion_for_another_audience_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, "https://9999999.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token", now);
        Assert.Equal("invalid_client", await RefusalAsync(assertion, key.Key, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("suitetalk")]
    [InlineData("restlets")]
    public async Task Assertion_naming_the_production_token_host_of_this_account_is_accepted(string host)
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, $"https://1234567-sb1.{host}.api.netsuite.com/services/rest/auth/oauth2/v1/token", now);
        await JsonAsync(await ClientCredentialsAsync(assertion.Sign(key.Key)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoked_certificate_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        var revoke = await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{kid}/revoke", await AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now), key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Assertion_valid_longer_than_an_hour_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, TokenUrl, now);
        assertion.Payload["exp"] = assertion.Payload["iat"]!.GetValue<long>() + 3601;
        Assert.Equal("invalid_client", await RefusalAsync(assertion, key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Assertion_issued_in_the_future_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now.AddMinutes(2)), key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Assertion_without_typ_jwt_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, TokenUrl, now);
        assertion.Header.Remove("typ");
        Assert.Equal("invalid_request", await RefusalAsync(assertion, key.Key, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Assertion_signed_by_another_key_is_refused()
    {
        var (_, kid, now) = await SetUpAsync();
        using var other = TestKey.Ec();
        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now), other.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Assertion_from_another_issuer_is_refused()
    {
        var (key, kid, now) = await SetUpAsync();
        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now, clientId: "someone-else"), key.Key, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("suite_analytics")]
    [InlineData("mcp")]
    public async Task Scope_outside_the_record_is_refused(string scope)
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, TokenUrl, now);
        assertion.Payload["scope"] = new JsonArray(scope);
        Assert.Equal("invalid_scope", await RefusalAsync(assertion, key.Key, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("rest_webservices,restlets")]
    [InlineData("rest_webservices restlets")]
    public async Task Scope_as_a_separated_string_is_accepted(string scope)
    {
        var (key, kid, now) = await SetUpAsync();
        var assertion = Assertion.For(kid, TokenUrl, now);
        assertion.Payload["scope"] = scope;
        await JsonAsync(await ClientCredentialsAsync(assertion.Sign(key.Key)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_assertion_type_is_refused()
    {
        var response = await Http.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
            ["client_assertion"] = "a.b.c",
        }));
        Assert.Equal("invalid_request", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Sandbox_refresh_wipes_the_certificate_mapping()
    {
        var (key, kid, now) = await SetUpAsync();
        await ControlAsync($"accounts/{AccountId}/refresh");

        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now), key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Certificate_past_its_validity_is_refused()
    {
        var (key, kid, _) = await SetUpAsync(TestKey.Ec(validDays: 30));
        await AdvanceClockAsync(TimeSpan.FromDays(31));

        var now = await SandboxNowAsync();
        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now), key.Key, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Uninstalled_bundle_role_makes_the_mapping_unusable()
    {
        var (key, kid, now) = await SetUpAsync();
        await ControlAsync($"accounts/{AccountId}/bundles/{BundleId}/uninstall");

        Assert.Equal("invalid_client", await RefusalAsync(Assertion.For(kid, TokenUrl, now), key.Key, HttpStatusCode.Unauthorized));
    }
}
