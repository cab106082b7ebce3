using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Errors;
using Onboarding.NetSuiteSandbox.Hosting;

namespace Onboarding.NetSuiteSandbox.SuiteQl;

/// <summary>
/// <c>POST /services/rest/query/v1/suiteql</c> over the account's tables
/// (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157909186990.html), each table visible only to
/// roles holding its record's permission (<see cref="RecordAccess"/>).
/// </summary>
internal static class SuiteQlEndpoint
{
    private const int MaxLimit = 1000;
    private const int MaxTotalResults = 100_000;

    public static void MapSuiteQl(this RouteGroupBuilder account) =>
        account.MapPost("/services/rest/query/v1/suiteql", async (HttpContext http, IOptions<SandboxOptions> options) =>
            {
                if (!http.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("transient", StringComparison.OrdinalIgnoreCase)))
                {
                    return NetSuiteErrors.Rest(400, RestErrorCodes.InvalidRequest,
                        "The 'Prefer: transient' header is required for SuiteQL queries.", locator: ("o:errorHeader", "Prefer"));
                }

                var (limit, offset, pagingError) = Paging.Read(http.Request.Query, MaxLimit);
                if (pagingError is not null)
                {
                    return pagingError;
                }

                var body = await JsonBody.ReadObjectAsync(http);
                if (body?["q"] is not JsonValue q || !q.TryGetValue<string>(out var query) || string.IsNullOrWhiteSpace(query))
                {
                    return NetSuiteErrors.Rest(400, RestErrorCodes.InvalidContent, "The request body must be {\"q\": \"<SuiteQL>\"}.", locator: ("o:errorPath", "q"));
                }

                var parameters = (body["params"] as JsonArray ?? []).Select(p => p is JsonValue v ? v.ToString() : null).ToList();
                var acct = http.Account();
                var rules = http.Rules();
                (int Total, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows) result;
                try
                {
                    lock (acct.Gate)
                    {
                        var role = acct.Roles.GetValueOrDefault(http.Bearer().RoleId);
                        result = acct.Tables.Query(query, parameters, limit, offset, MaxTotalResults, table => RecordAccess.Allows(acct, role, table, rules));
                    }
                }
                catch (SuiteQlError e)
                {
                    // A table the role may not see is reported exactly like one that does not exist.
                    return NetSuiteErrors.Rest(400, RestErrorCodes.InvalidParameter,
                        $"Invalid search query. Detailed unprocessed description follows. Search error occurred: {e.Message}", locator: ("o:errorQueryParam", "q"));
                }

                return Results.Json(Envelope(http, result.Total, result.Rows, limit, offset, options.Value.OmitNullColumns));
            })
            .AsRestApi(Permissions.RestWebServices);

    private static JsonObject Envelope(HttpContext http, int total, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, int limit, int offset, bool omitNulls)
    {
        var items = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject { ["links"] = new JsonArray() };
            foreach (var (column, value) in row.Where(c => c.Value is not null || !omitNulls))
            {
                item[column] = value;
            }

            items.Add(item);
        }

        return new JsonObject
        {
            ["links"] = Paging.Links(http, total, limit, offset),
            ["count"] = rows.Count,
            ["hasMore"] = offset + rows.Count < total,
            ["offset"] = offset,
            ["totalResults"] = total,
            ["items"] = items,
        };
    }
}
