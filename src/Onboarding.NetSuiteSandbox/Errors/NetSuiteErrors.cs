using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Onboarding.NetSuiteSandbox.Errors;

/// <summary>NetSuite's three error shapes: the REST envelope, OAuth <c>{"error"}</c> bodies, and RESTlet <c>{"error":{code,message}}</c>.</summary>
internal static class NetSuiteErrors
{
    private const string TypeUrl = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";

    /// <summary>The REST error envelope (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html).</summary>
    public static IResult Rest(int status, string code, string detail, string? title = null, (string Name, string Value)? locator = null, string? topLevelCode = null)
    {
        var item = new JsonObject { ["detail"] = detail, ["o:errorCode"] = code };
        if (locator is { } l)
        {
            item[l.Name] = l.Value;
        }

        var body = new JsonObject
        {
            ["type"] = TypeUrl,
            ["title"] = title ?? ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
        };
        if (topLevelCode is not null)
        {
            body["o:errorCode"] = topLevelCode;
        }

        body["o:errorDetails"] = new JsonArray(item);
        return Results.Json(body, statusCode: status);
    }

    /// <summary>404 <c>NONEXISTENT_ID</c> naming the URL path.</summary>
    public static IResult NotFound(HttpContext http, string detail) =>
        Rest(404, RestErrorCodes.NonexistentId, detail, locator: ("o:urlPath", http.Request.Path.Value ?? string.Empty));

    /// <summary>401 for a bearer that fails, REST flavour, with NetSuite's <c>WWW-Authenticate</c> header.</summary>
    public static IResult RestInvalidLogin(string accountId) =>
        WithHeader(Rest(401, RestErrorCodes.InvalidLogin, RestErrorCodes.InvalidLoginDetail), InvalidTokenChallenge(accountId));

    /// <summary>401 for a bearer that fails, RESTlet flavour.</summary>
    public static IResult RestletInvalidLogin(string accountId) =>
        WithHeader(Restlet(401, "INVALID_LOGIN_ATTEMPT", "Invalid login attempt."), InvalidTokenChallenge(accountId));

    /// <summary>
    /// 401 for a RESTlet called with a "Web Services Only" role. Oracle names the code (INVALID_LOGIN_CREDENTIALS);
    /// status, message and challenge header are the sandbox's choice, the same as for any refused bearer.
    /// </summary>
    public static IResult RestletWebServicesOnly(string accountId) =>
        WithHeader(Restlet(401, "INVALID_LOGIN_CREDENTIALS", "Invalid login attempt."), InvalidTokenChallenge(accountId));

    /// <summary>400 for an Authorization header that is not <c>Bearer &lt;token&gt;</c>.</summary>
    public static IResult MalformedAuthorization(string accountId, bool restlet)
    {
        var challenge = $"Bearer realm=\"{accountId}\", error=\"invalid_request\", error_description=\"{RestErrorCodes.MalformedDetail}\"";
        var body = restlet
            ? Restlet(400, "INVALID_REQUEST", RestErrorCodes.MalformedDetail)
            : Rest(400, RestErrorCodes.InvalidRequest, RestErrorCodes.MalformedDetail);
        return WithHeader(body, challenge);
    }

    /// <summary>A token-endpoint error (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_158521832417.html); <c>invalid_client</c> carries the Basic challenge.</summary>
    public static IResult OAuth(string error, string accountId)
    {
        var status = error switch
        {
            OAuthErrors.InvalidClient => 401,
            OAuthErrors.ServerError => 500,
            _ => 400,
        };
        var result = Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
        return status == 401 ? WithHeader(result, $"Basic realm=\"{accountId}\"") : result;
    }

    /// <summary>A SuiteScript error as a RESTlet returns it.</summary>
    public static IResult Restlet(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);

    /// <summary>The REST 429 for the concurrency limit (title "Bad Request" and a top-level code, as NetSuite sends).</summary>
    public static IResult RestConcurrency() =>
        Rest(429, RestErrorCodes.ConcurrencyLimitExceeded, RestErrorCodes.ConcurrencyDetail, title: "Bad Request", topLevelCode: "USER_ERROR");

    private static string InvalidTokenChallenge(string accountId) =>
        $"Bearer realm=\"{accountId}\", error=\"invalid_token\", error_description=\"Invalid login attempt.\"";

    private static IResult WithHeader(IResult inner, string challenge) => new ChallengeResult(inner, challenge);

    private sealed class ChallengeResult(IResult inner, string challenge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = challenge;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
