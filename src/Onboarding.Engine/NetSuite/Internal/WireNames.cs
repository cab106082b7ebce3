namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Every NetSuite wire name (paths, parameters, headers, JSON fields, error codes) in one place, as docs/netsuite.md gives them.</summary>
internal static class WireNames
{
    /// <summary>The placeholder URL templates carry for the account's host label.</summary>
    public const string AccountPlaceholder = "{account}";

    public static class Paths
    {
        public const string Authorize = "/app/login/oauth2/authorize.nl";
        public const string Token = "/services/rest/auth/oauth2/v1/token";
        public const string Revoke = "/services/rest/auth/oauth2/v1/revoke";
        public const string Clients = "/services/rest/auth/oauth2/v1/clients";
        public const string Certificates = "certificates";
        public const string RevokeCertificate = "revoke";
        public const string SuiteQl = "/services/rest/query/v1/suiteql";
        public const string Record = "/services/rest/record/v1";
        public const string Restlet = "/app/site/hosting/restlet.nl";
    }

    public static class Authorize
    {
        public const string ResponseType = "response_type";
        public const string ResponseTypeCode = "code";
        public const string ClientId = "client_id";
        public const string RedirectUri = "redirect_uri";
        public const string Scope = "scope";
        public const string State = "state";
        public const string CodeChallenge = "code_challenge";
        public const string CodeChallengeMethod = "code_challenge_method";
        public const string CodeChallengeMethodS256 = "S256";
    }

    public static class Token
    {
        public const string AccessToken = "access_token";
        public const string RefreshToken = "refresh_token";
        public const string ExpiresIn = "expires_in";
        public const string Error = "error";
        public const string ErrorDescription = "error_description";
    }

    public static class OAuthErrors
    {
        public const string InvalidRequest = "invalid_request";
        public const string InvalidClient = "invalid_client";
        public const string InvalidGrant = "invalid_grant";
        public const string UnauthorizedClient = "unauthorized_client";
        public const string InvalidScope = "invalid_scope";
        public const string AccessDenied = "access_denied";
        public const string ServerError = "server_error";
        public const string TemporarilyUnavailable = "temporarily_unavailable";
    }

    public static class Assertion
    {
        public const string Scope = "scope";
        public const string JwtId = "jti";
        public const string Type = "JWT";
    }

    public static class Headers
    {
        public const string Prefer = "Prefer";
        public const string PreferTransient = "transient";
    }

    public static class Query
    {
        public const string Limit = "limit";
        public const string Offset = "offset";
        public const string Script = "script";
        public const string Deploy = "deploy";
    }

    public static class RestErrorCodes
    {
        public const string InvalidLogin = "INVALID_LOGIN";
        public const string ConcurrencyLimitExceeded = "CONCURRENCY_LIMIT_EXCEEDED";
        public const string NonexistentId = "NONEXISTENT_ID";
        public const string InsufficientPermission = "INSUFFICIENT_PERMISSION";
        public const string InvalidParameter = "INVALID_PARAMETER";
    }

    public static class RestletErrorCodes
    {
        public const string InvalidScriptletId = "SSS_INVALID_SCRIPTLET_ID";
        public const string RequestLimitExceeded = "SSS_REQUEST_LIMIT_EXCEEDED";
    }

    public static class Json
    {
        // REST error envelope (docs/netsuite.md §5.4)
        public const string ErrorDetails = "o:errorDetails";
        public const string ErrorCode = "o:errorCode";
        public const string Detail = "detail";
        public const string Title = "title";
        public const string Status = "status";

        // RESTlet error body (docs/netsuite.md §6.3)
        public const string Error = "error";
        public const string Code = "code";
        public const string Message = "message";

        // Certificate list (docs/netsuite.md §4.2)
        public const string Entity = "entity";
        public const string Role = "role";
        public const string Id = "id";
        public const string Name = "name";
        public const string Created = "created";
        public const string ValidFrom = "valid_from";
        public const string ValidUntil = "valid_until";
        public const string Revoked = "revoked";
        public const string CertificateId = "certificate_id";
        public const string Algorithm = "algorithm";

        // Certificate upload (docs/netsuite.md §4.3)
        public const string FileContent = "fileContent";
        public const string EntityRoleId = "entity_role_id";
        public const string Company = "com";
        public const string EntityShort = "ent";
        public const string RoleShort = "rol";

        // SuiteQL (docs/netsuite.md §5.1, §5.3)
        public const string Query = "q";
        public const string Parameters = "params";
        public const string Items = "items";
        public const string Links = "links";
        public const string Count = "count";
        public const string Offset = "offset";
        public const string TotalResults = "totalResults";
        public const string HasMore = "hasMore";
    }
}
