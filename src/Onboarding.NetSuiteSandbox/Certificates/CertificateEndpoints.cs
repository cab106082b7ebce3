using System.Globalization;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Certificates;

/// <summary>The client-credentials certificate rotation endpoint: list, upload, revoke (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_92130837826.html).</summary>
internal static class CertificateEndpoints
{
    /// <summary>
    /// At most five active certificates per integration record; revoked and expired ones do not count
    /// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162686838198.html).
    /// </summary>
    public const int MaxActivePerIntegration = 5;
    private static readonly TimeSpan MaxValidity = TimeSpan.FromDays(730);

    public static void MapCertificates(this RouteGroupBuilder account)
    {
        var group = account.MapGroup("/services/rest/auth/oauth2/v1/clients/{clientId}/certificates")
            .AsRestApi(Permissions.ManageOwnCertificates)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var acct = http.Account();
                var clientId = http.GetRouteValue("clientId") as string ?? string.Empty;
                if (acct.Integrations.GetValueOrDefault(clientId) is not { ClientCredentialsGrant: true })
                {
                    return NetSuiteErrors.NotFound(http, "Record does not exist.");
                }

                return await next(context);
            });

        group.MapGet("", (HttpContext http, string clientId) =>
        {
            var acct = http.Account();
            var client = acct.Integrations[clientId];
            lock (acct.Gate)
            {
                return Results.Json(new JsonArray(acct.Certificates.Where(c => c.ClientId == clientId).Select(c => (JsonNode)ListItem(acct, client, c)).ToArray()));
            }
        });

        group.MapPost("", async (HttpContext http, string clientId, TimeProvider clock) => Upload(http, clientId, await JsonBody.ReadObjectAsync(http), clock.GetUtcNow()));

        group.MapPost("/{certificateId}/revoke", (HttpContext http, string clientId, string certificateId) =>
        {
            var acct = http.Account();
            lock (acct.Gate)
            {
                // Undocumented answer for an unknown or already revoked certificate; 404 in the REST error shape is the sandbox's choice.
                var mapping = acct.Certificates.FirstOrDefault(c => c.ClientId == clientId && c.CertificateId == certificateId);
                if (mapping is not { Revoked: false })
                {
                    return NetSuiteErrors.NotFound(http, "Record does not exist.");
                }

                mapping.Revoked = true;
            }

            return Results.Text("Successfully revoked", "text/plain");
        });
    }

    private static IResult Upload(HttpContext http, string clientId, JsonObject? body, DateTimeOffset now)
    {
        if (body is null)
        {
            return BadRequest(RestErrorCodes.InvalidContent, "The request body must be a JSON object with fileContent, role and entity.");
        }

        var (certificate, error) = UploadedCertificate.Parse(body["fileContent"] is JsonValue v && v.TryGetValue<string>(out var pem) ? pem : null);
        if (certificate is null)
        {
            return BadRequest(RestErrorCodes.InvalidContent, error!, "fileContent");
        }

        if (Id(body["role"]) is not { } roleId || Id(body["entity"]) is not { } entityId)
        {
            return BadRequest(RestErrorCodes.InvalidContent, "role and entity must be internal ids.", body["role"] is null ? "role" : "entity");
        }

        if (certificate.NotAfter <= now)
        {
            return BadRequest(RestErrorCodes.InvalidContent, "The certificate has expired.", "fileContent");
        }

        var acct = http.Account();
        var client = acct.Integrations[clientId];
        lock (acct.Gate)
        {
            if (!acct.Roles.TryGetValue(roleId, out var role) || role.Inactive)
            {
                return BadRequest(RestErrorCodes.InvalidContent, $"Role {roleId} does not exist or is inactive.", "role");
            }

            if (!acct.Employees.TryGetValue(entityId, out var employee) || employee.Inactive)
            {
                return BadRequest(RestErrorCodes.InvalidContent, $"Entity {entityId} does not exist or is inactive.", "entity");
            }

            var rules = http.Rules();
            if (rules.EntityMustHoldRole && !acct.EntityHoldsRole(entityId, roleId))
            {
                // The mapped entity must hold the mapped role; the refusal's wording is the sandbox's choice.
                return BadRequest(RestErrorCodes.InvalidContent,
                    $"Entity {employee.Name} ({entityId}) does not have the role {role.Name} ({roleId}). Add the role on the employee record (Access › Roles) first.", "entity");
            }

            // NetSuite "creates a record for every unique combination of application and certificate": one certificate
            // is never mapped twice, while one combination may hold several
            // (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_162686838198.html).
            if (rules.UniqueCertificates && acct.Certificates.Any(c => c.CertificateId == certificate.CertificateId))
            {
                return BadRequest(RestErrorCodes.InvalidContent, "This certificate has already been uploaded.", "fileContent");
            }

            var counted = acct.Certificates.Count(c => c.ClientId == clientId && c.CountsTowardLimitAt(now));
            if (rules.CertificateLimit && counted >= MaxActivePerIntegration)
            {
                return BadRequest(RestErrorCodes.InvalidContent,
                    $"The integration already has {MaxActivePerIntegration} active certificates. Revoke one first (revoked and expired certificates do not count).");
            }

            // NetSuite silently shortens a validity beyond two years.
            var validUntil = certificate.NotAfter - certificate.NotBefore > MaxValidity ? certificate.NotBefore + MaxValidity : certificate.NotAfter;
            var mapping = new CertificateMapping
            {
                CertificateId = certificate.CertificateId,
                ClientId = clientId,
                RoleId = roleId,
                EntityId = entityId,
                Pem = certificate.Pem,
                Algorithm = certificate.Algorithm,
                PublicKey = certificate.PublicKey,
                Created = now,
                ValidFrom = certificate.NotBefore,
                ValidUntil = validUntil,
            };
            acct.Certificates.Add(mapping);
            return Results.Json(new JsonObject
            {
                ["entity_role_id"] = new JsonObject { ["com"] = acct.Id, ["ent"] = entityId, ["rol"] = roleId },
                ["application_id"] = client.InternalId,
                ["certificate_id"] = mapping.CertificateId,
                ["certificate"] = mapping.Pem,
                ["algorithm"] = mapping.Algorithm,
                ["created_at"] = Date(mapping.Created),
                ["valid_from"] = Date(mapping.ValidFrom),
                ["valid_until"] = Date(mapping.ValidUntil),
                ["invalidated"] = false,
            });
        }
    }

    /// <summary>One element of the GET answer (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_11111634165.html).</summary>
    public static JsonObject ListItem(Account acct, SeedIntegration client, CertificateMapping c) => new()
    {
        ["application"] = new JsonObject
        {
            ["id"] = client.InternalId,
            ["name"] = client.Name,
            ["url"] = $"/app/common/integration/integrapp.nl?id={client.InternalId}",
            ["application_id"] = client.ApplicationId,
        },
        ["entity"] = new JsonObject { ["id"] = c.EntityId, ["name"] = acct.EmployeeName(c.EntityId), ["url"] = $"/app/common/entity/entity.nl?id={c.EntityId}" },
        ["role"] = new JsonObject
        {
            ["id"] = c.RoleId,
            ["name"] = acct.Roles.TryGetValue(c.RoleId, out var role) ? role.Name : c.RoleId.ToString(CultureInfo.InvariantCulture),
            ["url"] = $"/app/setup/role.nl?id={c.RoleId}",
        },
        ["created"] = Date(c.Created),
        ["valid_from"] = Date(c.ValidFrom),
        ["valid_until"] = Date(c.ValidUntil),
        ["revoked"] = c.Revoked,
        ["certificate_id"] = c.CertificateId,
        ["algorithm"] = c.Algorithm,
    };

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // NetSuite's own example mixes a number and a numeric string.
    private static int? Id(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static IResult BadRequest(string code, string detail, string? path = null) =>
        NetSuiteErrors.Rest(400, code, detail, locator: path is null ? null : ("o:errorPath", path));
}
