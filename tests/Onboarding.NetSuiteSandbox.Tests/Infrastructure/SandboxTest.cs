using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.NetSuiteSandbox.Tests.Infrastructure;

/// <summary>
/// Starts a fresh sandbox (test control on) for each test and speaks to it with a plain HttpClient over loopback.
/// The steps here are what a NetSuite client does; nothing is shared with the sandbox's code.
/// </summary>
public abstract class SandboxTest : IAsyncLifetime
{
    public const string AccountId = "1234567_SB1";
    public const string ClientId = "demo-onboarding-client";
    public const string MachineClientId = "demo-machine-client";
    public const string SecondAccountId = "7654321";
    public const string RedirectUri = "http://localhost:3978/oauth/netsuite/callback";
    public const int BundleId = 500123;
    public const int AppRoleId = 1001;
    public const int AdminRoleId = 3;
    public const int AdminEntityId = 7;

    // RFC 7636 Appendix B.
    public const string RfcVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public const string RfcChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private SandboxServer? _server;

    protected SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    protected string Base => Server.AccountBase(AccountId).ToString();

    protected string TokenUrl => $"{Base}/services/rest/auth/oauth2/v1/token";

    /// <summary>The certificate endpoint of the confidential machine-access integration record.</summary>
    protected string CertificatesUrl => CertificatesUrlFor(MachineClientId);

    protected string CertificatesUrlFor(string clientId, string? accountBase = null) =>
        $"{accountBase ?? Base}/services/rest/auth/oauth2/v1/clients/{clientId}/certificates";

    protected string RecordUrl => $"{Base}/services/rest/record/v1/customrecord_onboarding_config";

    protected string SuiteQlUrl => $"{Base}/services/rest/query/v1/suiteql";

    protected string RestletUrl => $"{Base}/app/site/hosting/restlet.nl?script=customscript_onboarding_bundle_check&deploy=customdeploy_onboarding_bundle_check";

    /// <summary>A seed made for this test; null means the built-in demo account.</summary>
    protected TestSeed? Seed { get; init; }

    /// <summary>
    /// Settings for this test class: the demo accounts (or <see cref="Seed"/>) with every rule on, test control on and,
    /// as in the embedded demo, the loopback http redirect URIs of the demo integration accepted.
    /// </summary>
    protected virtual void Configure(SandboxOptions options)
    {
        options.EnableTestControl = true;
        options.AllowLoopbackHttpRedirects = true;
        options.SeedFile = Seed?.FilePath;
        Settings?.Invoke(options);
    }

    /// <summary>Settings of this test class on top of the defaults, e.g. a relaxed rule.</summary>
    protected Action<SandboxOptions>? Settings { get; init; }

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(Configure);

    /// <summary>Stops the sandbox and starts it again with the same settings (it comes back on another port).</summary>
    protected async Task RestartAsync()
    {
        await Server.DisposeAsync();
        _server = null;
        _server = await SandboxServer.StartAsync(Configure);
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Seed?.Dispose();
    }

    protected static string NewState() => Assertion.Base64Url(Guid.NewGuid().ToByteArray()) + Assertion.Base64Url(Guid.NewGuid().ToByteArray());

    protected string AuthorizeUrl(
        string? state = null, string scope = "rest_webservices restlets", string? challenge = RfcChallenge, string? method = "S256",
        string clientId = ClientId, string redirectUri = RedirectUri, string responseType = "code", string? accountBase = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = responseType,
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state ?? NewState(),
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
        }

        if (method is not null)
        {
            query["code_challenge_method"] = method;
        }

        return QueryHelpers.AddQueryString($"{accountBase ?? Base}/app/login/oauth2/authorize.nl", query);
    }

    /// <summary>Completes the consent page with one POST, as a script would.</summary>
    protected async Task<HttpResponseMessage> DecideAsync(string authorizeUrl, string decision = "allow", int role = AdminRoleId, string? account = null)
    {
        var form = new Dictionary<string, string> { ["decision"] = decision, ["role"] = role.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (account is not null)
        {
            form["account"] = account;
        }

        return await Http.PostAsync(authorizeUrl, new FormUrlEncodedContent(form));
    }

    protected static Dictionary<string, string> RedirectQuery(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    protected async Task<string> CodeAsync(string scope = "rest_webservices restlets", int role = AdminRoleId, string? accountBase = null)
    {
        var response = await DecideAsync(AuthorizeUrl(scope: scope, accountBase: accountBase), role: role);
        return RedirectQuery(response)["code"];
    }

    protected Task<HttpResponseMessage> RedeemAsync(string code, string verifier = RfcVerifier, string redirectUri = RedirectUri, string? accountBase = null) =>
        Http.PostAsync($"{accountBase ?? Base}/services/rest/auth/oauth2/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = ClientId,
        }));

    /// <summary>Admin authorization-code tokens (access, refresh).</summary>
    protected async Task<(string Access, string Refresh)> AdminTokensAsync(string scope = "rest_webservices restlets", int role = AdminRoleId, string? accountBase = null)
    {
        var response = await RedeemAsync(await CodeAsync(scope, role, accountBase), accountBase: accountBase);
        var body = await JsonAsync(response, HttpStatusCode.OK);
        return (body["access_token"]!.GetValue<string>(), body["refresh_token"]!.GetValue<string>());
    }

    protected async Task<string> AdminTokenAsync(string scope = "rest_webservices restlets", string? accountBase = null) =>
        (await AdminTokensAsync(scope, accountBase: accountBase)).Access;

    /// <summary>Base URL of another account of this sandbox, e.g. the non-OneWorld <see cref="SecondAccountId"/>.</summary>
    protected string BaseOf(string accountId) => Server.AccountBase(accountId).ToString();

    protected Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Http.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = ClientId,
        }));

    protected async Task InstallBundleAsync()
    {
        var response = await Http.PostAsync($"{Base}/app/bundler/bundledetails.nl?id={BundleId}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    protected Task<HttpResponseMessage> UploadAsync(string token, string pem, object role, object entity, string? certificatesUrl = null) =>
        SendAsync(HttpMethod.Post, certificatesUrl ?? CertificatesUrl, token,
            new JsonObject { ["fileContent"] = pem, ["role"] = JsonValue.Create(role), ["entity"] = JsonValue.Create(entity) });

    /// <summary>Uploads a certificate for the app role and the admin entity; returns its certificate id.</summary>
    protected async Task<string> UploadAsync(string adminToken, TestKey key, int role = AppRoleId, int entity = AdminEntityId, string? certificatesUrl = null)
    {
        var body = await JsonAsync(await UploadAsync(adminToken, key.CertificatePem, role, entity, certificatesUrl), HttpStatusCode.OK);
        return body["certificate_id"]!.GetValue<string>();
    }

    /// <summary>A client-credentials token request with a fresh assertion for <paramref name="kid"/>.</summary>
    protected async Task<HttpResponseMessage> MintAsync(TestKey key, string kid, string clientId = MachineClientId) =>
        await ClientCredentialsAsync(Assertion.For(kid, TokenUrl, await SandboxNowAsync(), clientId: clientId).Sign(key.Key));

    /// <summary>Bundle installed, certificate mapped to the app role and the admin, and a machine access token minted with it.</summary>
    protected async Task<string> MachineTokenAsync(TestKey key)
    {
        var kid = await MachineAccessAsync(key);
        return (await JsonAsync(await MintAsync(key, kid), HttpStatusCode.OK))["access_token"]!.GetValue<string>();
    }

    /// <summary>The first error detail of a REST error envelope.</summary>
    protected static async Task<JsonObject> RestErrorDetailAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await JsonAsync(response, expected))["o:errorDetails"]![0]!.AsObject();

    /// <summary>The full machine-access setup: admin token, bundle installed, certificate uploaded. Returns the kid.</summary>
    protected async Task<string> MachineAccessAsync(TestKey key)
    {
        await InstallBundleAsync();
        return await UploadAsync(await AdminTokenAsync(), key);
    }

    /// <summary>A token-endpoint POST with Basic client authentication (<c>id:secret</c>; public clients send an empty secret).</summary>
    protected Task<HttpResponseMessage> BasicTokenRequestAsync(string clientId, string secret, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> ClientCredentialsAsync(string assertion) =>
        Http.PostAsync(TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        }));

    protected async Task<DateTimeOffset> SandboxNowAsync() =>
        (await Http.GetFromJsonAsync<JsonObject>($"{Server.BaseAddress}_sandbox/clock"))!["now"]!.GetValue<DateTimeOffset>();

    protected async Task AdvanceClockAsync(TimeSpan by) =>
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync($"{Server.BaseAddress}_sandbox/clock/advance", new { seconds = by.TotalSeconds })).StatusCode);

    protected async Task ControlAsync(string path, object? body = null)
    {
        var response = await Http.PostAsJsonAsync($"{Server.BaseAddress}_sandbox/{path}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    protected Task<HttpResponseMessage> SuiteQlAsync(string? token, string q, string? query = null, bool transient = true, params string[] parameters) =>
        SuiteQlOnAsync(Base, token, q, query, transient, parameters);

    protected Task<HttpResponseMessage> SuiteQlOnAsync(string accountBase, string? token, string q, string? query = null, bool transient = true, params string[] parameters)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{accountBase}/services/rest/query/v1/suiteql" + (query ?? string.Empty))
        {
            Content = JsonContent.Create(new JsonObject { ["q"] = q, ["params"] = new JsonArray(parameters.Select(p => (JsonNode)p).ToArray()) }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (transient)
        {
            request.Headers.Add("Prefer", "transient");
        }

        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static async Task<string> OAuthErrorAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await JsonAsync(response, expected))["error"]!.GetValue<string>();

    /// <summary>The first <c>o:errorCode</c> of a REST error envelope, after checking the envelope's shape.</summary>
    protected static async Task<string> RestErrorCodeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await JsonAsync(response, expected);
        Assert.Equal("https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html", body["type"]!.GetValue<string>());
        Assert.Equal((int)expected, body["status"]!.GetValue<int>());
        Assert.NotNull(body["title"]);
        return body["o:errorDetails"]![0]!["o:errorCode"]!.GetValue<string>();
    }

    protected static JsonObject DecodePayload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(part))!.AsObject();
    }
}
