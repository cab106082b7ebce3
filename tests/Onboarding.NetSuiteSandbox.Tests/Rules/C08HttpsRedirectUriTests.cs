using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C8: redirect URIs must be https (or a custom scheme); loopback http only as a simulator allowance.</summary>
public sealed class C08HttpsRedirectUriTests : SandboxTest
{
    internal const string Https = "https://vendor.example.com/oauth/netsuite/callback";
    internal const string PlainHttp = "http://vendor.example.com/oauth/netsuite/callback";
    internal const string CustomScheme = "vendorapp://oauth/callback";

    public C08HttpsRedirectUriTests()
    {
        Seed = RecordWithMoreRedirects();
        Settings = options => options.AllowLoopbackHttpRedirects = false;
    }

    internal static TestSeed RecordWithMoreRedirects() => new(seed =>
    {
        var uris = TestSeed.DemoAccount(seed)["integrations"]![0]!["redirectUris"]!.AsArray();
        uris.Add(Https);
        uris.Add(PlainHttp);
        uris.Add(CustomScheme);
    });

    [Theory]
    [InlineData(RedirectUri)]
    [InlineData(PlainHttp)]
    public async Task C8_an_http_redirect_uri_gets_an_error_page_and_no_redirect(string redirectUri)
    {
        var response = await Http.GetAsync(AuthorizeUrl(redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("http:// scheme isn&#x27;t supported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Https)]
    [InlineData(CustomScheme)]
    public async Task C8_https_and_custom_scheme_redirect_uris_are_accepted(string redirectUri)
    {
        var response = await DecideAsync(AuthorizeUrl(redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(redirectUri + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class C08LoopbackAllowanceTests : SandboxTest
{
    public C08LoopbackAllowanceTests() => Seed = C08HttpsRedirectUriTests.RecordWithMoreRedirects();

    [Fact]
    public async Task AllowLoopbackHttpRedirects_accepts_http_on_localhost_but_not_on_another_host()
    {
        var loopback = await DecideAsync(AuthorizeUrl());
        var remote = await Http.GetAsync(AuthorizeUrl(redirectUri: C08HttpsRedirectUriTests.PlainHttp));

        Assert.Equal(HttpStatusCode.Redirect, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, remote.StatusCode);
        Assert.Null(remote.Headers.Location);
    }
}

public sealed class C08HttpsRedirectUrisSwitchTests : SandboxTest
{
    public C08HttpsRedirectUrisSwitchTests()
    {
        Seed = C08HttpsRedirectUriTests.RecordWithMoreRedirects();
        Settings = options =>
        {
            options.AllowLoopbackHttpRedirects = false;
            options.Rules.HttpsRedirectUris = false;
        };
    }

    [Fact]
    public async Task Switch_HttpsRedirectUris_off_accepts_any_http_redirect_uri()
    {
        var response = await DecideAsync(AuthorizeUrl(redirectUri: C08HttpsRedirectUriTests.PlainHttp));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(C08HttpsRedirectUriTests.PlainHttp, response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
