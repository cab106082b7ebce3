using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>Builds an account's NetSuite URLs from the configured templates (production hosts or the sandbox's layout).</summary>
public sealed class NetSuiteEndpoints(IOptions<NetSuiteOptions> options)
{
    private NetSuiteOptions Options => options.Value;

    /// <summary>The account's UI host, e.g. <c>https://1234567-sb1.app.netsuite.com</c>; also the base of deep links.</summary>
    public Uri AppBase(AccountId account) => Expand(Options.AppBaseUrl, account);

    /// <summary>The authorize endpoint on the account's domain, or on the account-agnostic system domain.</summary>
    public Uri Authorize(AccountId? account) =>
        Combine(account is { } known ? AppBase(known) : new Uri(Options.SystemBaseUrl), WireNames.Paths.Authorize);

    public Uri Token(AccountId account) => Combine(SuiteTalkBase(account), WireNames.Paths.Token);

    public Uri Revoke(AccountId account) => Combine(SuiteTalkBase(account), WireNames.Paths.Revoke);

    /// <summary>The certificate rotation endpoint of the machine integration record (documented on the RESTlet host).</summary>
    public Uri Certificates(AccountId account) =>
        Combine(RestletsBase(account), $"{WireNames.Paths.Clients}/{Uri.EscapeDataString(Options.MachineClientId)}/{WireNames.Paths.Certificates}");

    public Uri RevokeCertificate(AccountId account, string certificateId) =>
        Combine(Certificates(account), $"/{Uri.EscapeDataString(certificateId)}/{WireNames.Paths.RevokeCertificate}");

    // Every health check sends one: built as one string and parsed once (the general path parses the base on its own first).
    public Uri SuiteQl(AccountId account, int limit, int offset) =>
        new($"{BaseText(Options.SuiteTalkBaseUrl, account)}{WireNames.Paths.SuiteQl}?{WireNames.Query.Limit}={limit}&{WireNames.Query.Offset}={offset}");

    public Uri Record(AccountId account, string recordType, string? id = null) =>
        Combine(SuiteTalkBase(account), $"{WireNames.Paths.Record}/{Uri.EscapeDataString(recordType)}{(id is null ? string.Empty : "/" + Uri.EscapeDataString(id))}");

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

        return Combine(RestletsBase(account), WireNames.Paths.Restlet + QueryString.From(parameters));
    }

    private Uri SuiteTalkBase(AccountId account) => Expand(Options.SuiteTalkBaseUrl, account);

    private Uri RestletsBase(AccountId account) => Expand(Options.RestletsBaseUrl, account);

    private static Uri Expand(string template, AccountId account) => new(Filled(template, account));

    private static string Filled(string template, AccountId account) =>
        template.Replace(WireNames.AccountPlaceholder, account.HostLabel, StringComparison.Ordinal);

    // A template's text with the account filled in, up to its path (a query or fragment in a template is dropped, as
    // GetLeftPart does below), without a trailing slash.
    private static string BaseText(string template, AccountId account)
    {
        var filled = Filled(template, account);
        var end = filled.AsSpan().IndexOfAny('?', '#');
        return (end < 0 ? filled.AsSpan() : filled.AsSpan(0, end)).TrimEnd('/').ToString();
    }

    // Templates may carry a path (the sandbox's http://127.0.0.1:PORT/{account}), so paths are appended, not resolved.
    private static Uri Combine(Uri baseUri, string pathAndQuery) =>
        new(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
}
