namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Form-urlencodes query parameters, as NetSuite expects them (docs/netsuite.md §2.1).</summary>
internal static class QueryString
{
    public static string From(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters.Select(p => Encode(p.Key) + "=" + Encode(p.Value)).ToList();
        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
    }

    // Space as '+', everything else outside the unreserved set percent-encoded (application/x-www-form-urlencoded).
    private static string Encode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
