using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>Builds an account's NetSuite URLs from the configured templates (production hosts or the sandbox's layout).</summary>
public sealed class NetSuiteEndpoints(IOptions<NetSuiteOptions> options)
{
    private NetSuiteOptions Options => options.Value;

    /// <summary>The account's UI host, e.g. <c>https://1234567-sb1.app.netsuite.com</c>; also the base of deep links.</summary>
    public Uri AppBase(AccountId account) => new(Filled(Options.AppBaseUrl, account));

    /// <summary>The authorize endpoint on the account's domain, or on the account-agnostic system domain.</summary>
    public Uri Authorize(AccountId? account) => At(account is null ? Options.SystemBaseUrl : Options.AppBaseUrl, account, WireNames.Paths.Authorize);

    public Uri Token(AccountId account) => At(Options.SuiteTalkBaseUrl, account, WireNames.Paths.Token);

    public Uri Revoke(AccountId account) => At(Options.SuiteTalkBaseUrl, account, WireNames.Paths.Revoke);

    /// <summary>The certificate rotation endpoint of the machine integration record (documented on the RESTlet host).</summary>
    public Uri Certificates(AccountId account) => At(Options.RestletsBaseUrl, account, CertificatesPath);

    public Uri RevokeCertificate(AccountId account, string certificateId) =>
        At(Options.RestletsBaseUrl, account, $"{CertificatesPath}/{Uri.EscapeDataString(certificateId)}/{WireNames.Paths.RevokeCertificate}");

    public Uri SuiteQl(AccountId account, int limit, int offset) =>
        At(Options.SuiteTalkBaseUrl, account, $"{WireNames.Paths.SuiteQl}?{WireNames.Query.Limit}={limit}&{WireNames.Query.Offset}={offset}");

    public Uri Record(AccountId account, string recordType, string? id = null) =>
        At(Options.SuiteTalkBaseUrl, account, $"{WireNames.Paths.Record}/{Uri.EscapeDataString(recordType)}{(id is null ? string.Empty : "/" + Uri.EscapeDataString(id))}");

    public Uri Restlet(AccountId account, RestletId restlet, IReadOnlyDictionary<string, string>? query = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new(WireNames.Query.Script, restlet.Script),
            new(WireNames.Query.Deploy, restlet.Deployment),
        };
        if (query is not null)
        {
            parameters.AddRange(query);
        }

        return At(Options.RestletsBaseUrl, account, WireNames.Paths.Restlet + QueryString.From(parameters));
    }

    private string CertificatesPath => $"{WireNames.Paths.Clients}/{Uri.EscapeDataString(Options.MachineClientId)}/{WireNames.Paths.Certificates}";

    private static string Filled(string template, AccountId? account) =>
        account is { } known ? template.Replace(WireNames.AccountPlaceholder, known.HostLabel, StringComparison.Ordinal) : template;

    // Templates may carry a path (the sandbox's http://127.0.0.1:PORT/{account}), so paths are appended, not resolved: the
    // template's text up to its path (a query or fragment in a template is dropped), then the path. Built as one string and
    // parsed once — every health check sends one of these.
    private static Uri At(string template, AccountId? account, string pathAndQuery)
    {
        var filled = Filled(template, account);
        var end = filled.AsSpan().IndexOfAny('?', '#');
        var baseText = (end < 0 ? filled.AsSpan() : filled.AsSpan(0, end)).TrimEnd('/');
        return new(pathAndQuery.StartsWith('/') ? string.Concat(baseText, pathAndQuery) : string.Concat(baseText, "/", pathAndQuery));
    }
}
