namespace Onboarding.NetSuiteSandbox.OAuth;

/// <summary>NetSuite's OAuth 2.0 scopes and what the consent page says about them.</summary>
internal static class Scopes
{
    public const string RestWebServices = "rest_webservices";
    public const string Restlets = "restlets";
    public const string SuiteAnalytics = "suite_analytics";
    public const string Mcp = "mcp";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RestWebServices] = "Use REST web services (records, SuiteQL, certificates)",
        [Restlets] = "Call RESTlets",
        [SuiteAnalytics] = "Use SuiteAnalytics Connect",
        [Mcp] = "Use the NetSuite AI Connector Service",
    };

    /// <summary>Splits a scope value into its items; the authorize endpoint only takes spaces, assertions also commas.</summary>
    public static string[] Split(string value, bool allowCommas = false) =>
        value.Split(allowCommas ? [' ', ','] : [' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether a requested set is well formed (known names, <c>mcp</c> alone) and enabled on the record.</summary>
    public static bool AreAllowed(IReadOnlyCollection<string> requested, IEnumerable<string> enabled) =>
        requested.Count > 0
        && requested.All(Descriptions.ContainsKey)
        && (!requested.Contains(Mcp) || requested.Count == 1)
        && requested.All(enabled.Contains);
}
