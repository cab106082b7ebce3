using Onboarding.Engine.NetSuite;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class ErrorTranslationTests
{
    [Theory]
    [InlineData(401, """{"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}""", NetSuiteErrorKind.InvalidLogin, "INVALID_LOGIN")]
    [InlineData(429, """{"title":"Bad Request","status":429,"o:errorCode":"USER_ERROR","o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]}""", NetSuiteErrorKind.RateLimited, "CONCURRENCY_LIMIT_EXCEEDED")]
    [InlineData(404, """{"title":"Not Found","status":404,"o:errorDetails":[{"detail":"Record does not exist.","o:errorCode":"NONEXISTENT_ID"}]}""", NetSuiteErrorKind.NotFound, "NONEXISTENT_ID")]
    [InlineData(400, """{"title":"Bad Request","status":400,"o:errorDetails":[{"detail":"Invalid search query.","o:errorCode":"INVALID_PARAMETER"}]}""", NetSuiteErrorKind.InvalidRequest, "INVALID_PARAMETER")]
    [InlineData(403, """{"title":"Forbidden","status":403,"o:errorDetails":[{"detail":"Permission Violation.","o:errorCode":"INSUFFICIENT_PERMISSION"}]}""", NetSuiteErrorKind.PermissionMissing, "INSUFFICIENT_PERMISSION")]
    [InlineData(500, """{"title":"Internal Server Error","status":500,"o:errorDetails":[{"detail":"An unexpected error occurred.","o:errorCode":"UNEXPECTED_ERROR"}]}""", NetSuiteErrorKind.Unavailable, "UNEXPECTED_ERROR")]
    [InlineData(400, """{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is invalid, disabled, or no longer exists."}}""", NetSuiteErrorKind.ScriptNotDeployed, "SSS_INVALID_SCRIPTLET_ID")]
    [InlineData(400, """{"error":{"code":"SSS_REQUEST_LIMIT_EXCEEDED","message":"Request limit exceeded."}}""", NetSuiteErrorKind.RateLimited, "SSS_REQUEST_LIMIT_EXCEEDED")]
    [InlineData(429, "", NetSuiteErrorKind.RateLimited, null)]
    [InlineData(503, "<html>maintenance</html>", NetSuiteErrorKind.Unavailable, null)]
    public void REST_and_RESTlet_error_bodies_map_to_a_kind_and_keep_NetSuites_code(int status, string body, NetSuiteErrorKind kind, string? code)
    {
        var (parsedCode, detail) = ErrorBodyReader.Parse(body);

        var error = HttpStatusTranslator.Translate(status, parsedCode, detail);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(error.Explanation.En()));
    }

    [Theory]
    [InlineData(nameof(OAuthCall.ClientCredentials), "invalid_client", 401, NetSuiteErrorKind.CertificateRejected)]
    [InlineData(nameof(OAuthCall.ClientCredentials), "invalid_grant", 400, NetSuiteErrorKind.CertificateRejected)]
    [InlineData(nameof(OAuthCall.AuthorizationCode), "invalid_client", 401, NetSuiteErrorKind.InvalidRequest)]
    [InlineData(nameof(OAuthCall.AuthorizationCode), "invalid_grant", 400, NetSuiteErrorKind.InvalidGrant)]
    [InlineData(nameof(OAuthCall.Refresh), "invalid_grant", 400, NetSuiteErrorKind.InvalidGrant)]
    [InlineData(nameof(OAuthCall.Refresh), "invalid_scope", 400, NetSuiteErrorKind.InvalidScope)]
    [InlineData(nameof(OAuthCall.ClientCredentials), "unauthorized_client", 400, NetSuiteErrorKind.AccessDenied)]
    [InlineData(nameof(OAuthCall.AuthorizationCode), "access_denied", 400, NetSuiteErrorKind.AccessDenied)]
    [InlineData(nameof(OAuthCall.AuthorizationCode), "invalid_request", 400, NetSuiteErrorKind.InvalidRequest)]
    [InlineData(nameof(OAuthCall.ClientCredentials), "server_error", 500, NetSuiteErrorKind.Unavailable)]
    [InlineData(nameof(OAuthCall.Revoke), null, 502, NetSuiteErrorKind.Unavailable)]
    [InlineData(nameof(OAuthCall.ClientCredentials), null, 429, NetSuiteErrorKind.RateLimited)]
    public void OAuth_errors_map_per_grant(string call, string? error, int status, NetSuiteErrorKind kind)
    {
        var translated = OAuthErrorTranslator.Translate(Enum.Parse<OAuthCall>(call), error, status);

        Assert.Equal(kind, translated.Kind);
        Assert.Equal(status, translated.HttpStatus);
    }

    [Fact]
    public void Explanations_say_what_to_do()
    {
        Assert.Contains("rotate it", OAuthErrorTranslator.Translate(OAuthCall.ClientCredentials, "invalid_client", 401).Explanation.En());
        Assert.Contains("Install the bundle", HttpStatusTranslator.Translate(400, "SSS_INVALID_SCRIPTLET_ID", null).Explanation.En());
        Assert.Contains("ask your NetSuite admin", HttpStatusTranslator.Translate(403, null, null).Explanation.En(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NetSuites_words_lose_their_control_characters_and_are_cut_when_overlong()
    {
        var longMessage = new string('m', 1500);
        var body = """{"o:errorDetails":[{"detail":"Line one.\r\nLine two,\u0000 with a NUL.\t","o:errorCode":"INVALID_LOGIN\u0000\nFAKE LOG LINE"}]}""";
        var restlet = $$$"""{"error":{"code":"{{{new string('C', 150)}}}","message":"{{{longMessage}}}"}}""";

        var (code, detail) = ErrorBodyReader.Parse(body);
        var found = RestletErrorBody.TryRead(System.Text.Json.JsonDocument.Parse(restlet).RootElement, out var restletCode, out var restletMessage);

        Assert.Equal("INVALID_LOGIN FAKE LOG LINE", code);
        Assert.Equal("Line one. Line two, with a NUL.", detail);
        Assert.True(found);
        Assert.Equal(new string('C', NetSuiteText.MaxCodeLength - 1) + "…", restletCode);
        Assert.Equal(NetSuiteText.MaxMessageLength, restletMessage!.Length);
        Assert.EndsWith("m…", restletMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_words_pass_unchanged()
    {
        var (code, detail) = ErrorBodyReader.Parse("""{"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}""");

        Assert.Equal("INVALID_LOGIN", code);
        Assert.Equal("Invalid login attempt.", detail);
    }
}
