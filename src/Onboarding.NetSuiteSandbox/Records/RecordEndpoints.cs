using System.Globalization;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Records;

/// <summary>REST record API for installed custom record types: create, read, list (what post-install routines need).</summary>
internal static class RecordEndpoints
{
    private const int MaxLimit = 1000;

    public static void MapRecords(this RouteGroupBuilder account)
    {
        var group = account.MapGroup("/services/rest/record/v1/{recordType}")
            .AsRestApi(Permissions.RestWebServices)
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var acct = http.Account();
                SeedCustomRecordType? type;
                lock (acct.Gate)
                {
                    type = acct.InstalledRecordType(http.GetRouteValue("recordType") as string ?? string.Empty);
                }

                if (type is null)
                {
                    return NetSuiteErrors.NotFound(http, "Record type does not exist.");
                }

                bool allowed;
                lock (acct.Gate)
                {
                    allowed = RecordAccess.Allows(acct, acct.Roles.GetValueOrDefault(http.Bearer().RoleId), type.ScriptId, http.Rules());
                }

                if (!allowed)
                {
                    // 403 in the REST error shape is the sandbox's choice; Oracle does not document this refusal.
                    return NetSuiteErrors.Rest(403, RestErrorCodes.InsufficientPermission,
                        $"Permission Violation: You need the '{type.Name}' permission to access this page. Please contact your account administrator.");
                }

                http.Items[typeof(SeedCustomRecordType)] = type;
                return await next(context);
            });

        group.MapPost("", async (HttpContext http, TimeProvider clock) =>
        {
            var type = RecordType(http);
            var body = await JsonBody.ReadObjectAsync(http);
            if (body is null)
            {
                return NetSuiteErrors.Rest(400, RestErrorCodes.InvalidContent, "The request body must be a JSON object.");
            }

            // NetSuite's default (X-NetSuite-PropertyNameValidation: Warning) drops an unknown field with a warning; the
            // sandbox refuses it, so a wrong field id fails loudly instead of losing the value
            // (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html).
            if (http.Rules().UnknownFields && body.Select(p => p.Key).FirstOrDefault(k => k != "name" && !type.Fields.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                return NetSuiteErrors.Rest(400, RestErrorCodes.InvalidContent,
                    $"Invalid field '{unknown}': record type '{type.ScriptId}' has no such field.", locator: ("o:errorPath", unknown));
            }

            var values = body.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => (string?)p.Value!.ToString(), StringComparer.Ordinal);
            var acct = http.Account();
            long id;
            lock (acct.Gate)
            {
                id = acct.Tables.InsertCustomRecord(type, values, clock.GetUtcNow());
            }

            http.Response.Headers.Location = $"{SelfUrl(http)}/{id.ToString(CultureInfo.InvariantCulture)}";
            return Results.NoContent();
        });

        group.MapGet("/{id:long}", (HttpContext http, long id) =>
        {
            var type = RecordType(http);
            var acct = http.Account();
            IReadOnlyDictionary<string, string?>? row;
            lock (acct.Gate)
            {
                row = acct.Tables.FindCustomRecord(type, id);
            }

            if (row is null)
            {
                return NetSuiteErrors.NotFound(http, "Record does not exist.");
            }

            var record = new JsonObject { ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = SelfUrl(http) }) };
            foreach (var (column, value) in row.Where(c => c.Value is not null))
            {
                record[column == "isinactive" ? "isInactive" : column] = column == "isinactive" ? value == "T" : value;
            }

            return Results.Json(record);
        });

        group.MapGet("", (HttpContext http) =>
        {
            var (limit, offset, error) = Paging.Read(http.Request.Query, MaxLimit);
            if (error is not null)
            {
                return error;
            }

            var type = RecordType(http);
            var acct = http.Account();
            (int Total, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows) page;
            lock (acct.Gate)
            {
                page = acct.Tables.ListCustomRecords(type, limit, offset);
            }

            var items = new JsonArray(page.Rows.Select(r => (JsonNode)new JsonObject
            {
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = $"{SelfUrl(http)}/{r["id"]}" }),
                ["id"] = r["id"],
            }).ToArray());
            return Results.Json(new JsonObject
            {
                ["links"] = Paging.Links(http, page.Total, limit, offset),
                ["count"] = page.Rows.Count,
                ["hasMore"] = offset + page.Rows.Count < page.Total,
                ["items"] = items,
                ["offset"] = offset,
                ["totalResults"] = page.Total,
            });
        });
    }

    private static SeedCustomRecordType RecordType(HttpContext http) => (SeedCustomRecordType)http.Items[typeof(SeedCustomRecordType)]!;

    private static string SelfUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
}
