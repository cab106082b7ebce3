using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Onboarding.NetSuiteSandbox.Errors;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>NetSuite collection paging: <c>limit</c> 1..max (default max), <c>offset</c> a multiple of <c>limit</c>, and the links (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156414087576.html).</summary>
internal static class Paging
{
    public static (int Limit, int Offset, IResult? Error) Read(IQueryCollection query, int maxLimit)
    {
        var limit = maxLimit;
        var offset = 0;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxLimit))
        {
            return (0, 0, Invalid("limit", $"The limit must be a whole number between 1 and {maxLimit}."));
        }

        if (query.ContainsKey("offset") && !int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return (0, 0, Invalid("offset", "The offset must be a whole number of 0 or more."));
        }

        return offset % limit == 0
            ? (limit, offset, null)
            : (0, 0, Invalid("offset", "The offset must be divisible by the limit."));
    }

    public static JsonArray Links(HttpContext http, int total, int limit, int offset)
    {
        var request = http.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        JsonObject Link(string rel, int at) => new()
        {
            ["rel"] = rel,
            ["href"] = QueryHelpers.AddQueryString(baseUrl, new Dictionary<string, string?>
            {
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["offset"] = at.ToString(CultureInfo.InvariantCulture),
            }),
        };

        var last = total == 0 ? 0 : (total - 1) / limit * limit;
        var links = new JsonArray();
        if (offset > 0)
        {
            links.Add(Link("prev", Math.Max(0, offset - limit)));
        }

        links.Add(Link("first", 0));
        if (offset + limit < total)
        {
            links.Add(Link("next", offset + limit));
        }

        links.Add(Link("last", last));
        links.Add(Link("self", offset));
        return links;
    }

    private static IResult Invalid(string parameter, string detail) =>
        NetSuiteErrors.Rest(400, RestErrorCodes.InvalidParameter, detail, locator: ("o:errorQueryParam", parameter));
}
