using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.Tokens;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// A local stand-in for the Bot Framework's OpenID metadata (openid-configuration + JWKS) on https://127.0.0.1 with a
/// self-signed certificate, and the issuer of tokens signed with its key. The metadata retriever insists on https, so
/// the host process is told to trust exactly this certificate (<see cref="WriteTrustBundle"/>).
/// </summary>
public sealed class OpenIdMetadataStandIn : IAsyncDisposable
{
    public const string Issuer = "https://channel-issuer.stand-in.test";
    private const string KeyId = "stand-in-key-1";

    private readonly WebApplication _app;
    private readonly RSA _signingKey;
    private readonly X509Certificate2 _certificate;

    private OpenIdMetadataStandIn(WebApplication app, RSA signingKey, X509Certificate2 certificate)
    {
        _app = app;
        _signingKey = signingKey;
        _certificate = certificate;
    }

    /// <summary>The openid-configuration address, for <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl { get; private set; } = string.Empty;

    /// <summary>A login address on the stand-in, for the outbound keys the framework then also wants; never called here.</summary>
    public string LoginUrl => MetadataUrl.Replace("/.well-known/openid-configuration", "/stand-in-tenant", StringComparison.Ordinal);

    public static async Task<OpenIdMetadataStandIn> StartAsync()
    {
        var signingKey = RSA.Create(2048);
        var certificate = SelfSignedLoopbackCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var standIn = new OpenIdMetadataStandIn(app, signingKey, certificate);
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(standIn.Configuration().ToJsonString(), "application/json"));
        app.MapGet("/keys", () => Results.Text(standIn.Keys().ToJsonString(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.MetadataUrl = address.TrimEnd('/') + "/.well-known/openid-configuration";
        return standIn;
    }

    /// <summary>
    /// Writes the stand-in's TLS certificate as a PEM bundle. The Bot Framework fetches metadata with its own static
    /// HttpClient, so trust has to come from the process's root store: give the host process <c>SSL_CERT_FILE</c>.
    /// </summary>
    public string WriteTrustBundle(string directory)
    {
        var path = Path.Combine(directory, "stand-in-root.pem");
        File.WriteAllText(path, _certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>
    /// The host's settings for a bot registered as <paramref name="appId"/> that fetches the channel's OpenID metadata
    /// from <paramref name="metadataUrl"/> (this stand-in's by default), through the Bot Framework's own endpoint keys.
    /// </summary>
    public Dictionary<string, string?> BotSettings(string appId, string? metadataUrl = null) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "stand-in-app-password",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl ?? MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        // Setting any endpoint key switches the framework to "all endpoints from configuration": the outbound ones must be
        // there too (they are only used to send, which these tests never get to).
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadataUrl ?? MetadataUrl,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = LoginUrl,
        ["CallerId"] = "urn:botframework:azure",
        ["Health:Enabled"] = "false",
    };

    /// <summary>A channel token as the Bot Connector would send it, signed with the stand-in's key (or <paramref name="signWith"/>).</summary>
    public string IssueToken(string audience, string serviceUrl, RSA? signWith = null, DateTime? expires = null)
    {
        var key = new RsaSecurityKey(signWith ?? _signingKey) { KeyId = KeyId };
        var until = expires ?? DateTime.UtcNow.AddMinutes(30);
        var token = new JwtSecurityToken(
            Issuer,
            audience,
            [new Claim("serviceurl", serviceUrl)],
            notBefore: until.AddMinutes(-31),
            expires: until,
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _signingKey.Dispose();
        _certificate.Dispose();
    }

    private JsonObject Configuration() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = MetadataUrl.Replace("/.well-known/openid-configuration", "/authorize", StringComparison.Ordinal),
        ["jwks_uri"] = MetadataUrl.Replace("/.well-known/openid-configuration", "/keys", StringComparison.Ordinal),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject Keys()
    {
        var parameters = _signingKey.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray("msteams", "webchat", "emulator"),
            }),
        };
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
