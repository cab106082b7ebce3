using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.NetSuite;

/// <summary>Checks the <c>NetSuite</c> section at start-up; each message names the key and shows a valid value.</summary>
internal sealed class NetSuiteOptionsValidator : IValidateOptions<NetSuiteOptions>
{
    private static readonly string[] KnownScopes = ["rest_webservices", "restlets", "suite_analytics"];

    public ValidateOptionsResult Validate(string? name, NetSuiteOptions options)
    {
        var failures = new List<string>();
        var prefix = NetSuiteOptions.SectionName + ":";

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{prefix}{nameof(options.ClientId)} must be the client id of the onboarding integration record (public client, authorization code grant), e.g. demo-onboarding-client.");
        }

        if (string.IsNullOrWhiteSpace(options.MachineClientId))
        {
            failures.Add($"{prefix}{nameof(options.MachineClientId)} must be the client id of the machine integration record (confidential, client credentials grant only), e.g. demo-machine-client.");
        }
        else if (string.Equals(options.MachineClientId, options.ClientId, StringComparison.Ordinal))
        {
            // A public client cannot use client credentials, and the onboarding record must be public (docs/netsuite.md, C1).
            failures.Add($"{prefix}{nameof(options.MachineClientId)} must differ from {prefix}{nameof(options.ClientId)}: NetSuite refuses client credentials for the public onboarding record, so machine access needs its own confidential integration record.");
        }

        if (!Uri.TryCreate(options.RedirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("https" or "http"))
        {
            failures.Add($"{prefix}{nameof(options.RedirectUri)} must be an absolute URL registered on the integration record, e.g. https://bot.example.com/oauth/netsuite/callback.");
        }

        var scopes = options.ScopeList;
        if (scopes.Count == 0 || scopes.Any(s => !KnownScopes.Contains(s, StringComparer.Ordinal)))
        {
            failures.Add($"{prefix}{nameof(options.Scopes)} must be space-separated scopes from {string.Join(", ", KnownScopes)}, e.g. \"rest_webservices restlets\".");
        }

        CheckTemplate(failures, prefix + nameof(options.AppBaseUrl), options.AppBaseUrl, needsAccount: true);
        CheckTemplate(failures, prefix + nameof(options.SuiteTalkBaseUrl), options.SuiteTalkBaseUrl, needsAccount: true);
        CheckTemplate(failures, prefix + nameof(options.RestletsBaseUrl), options.RestletsBaseUrl, needsAccount: true);
        CheckTemplate(failures, prefix + nameof(options.SystemBaseUrl), options.SystemBaseUrl, needsAccount: false);

        if (!Enum.IsDefined(options.KeyAlgorithm))
        {
            failures.Add($"{prefix}{nameof(options.KeyAlgorithm)} must be one of {string.Join(", ", Enum.GetNames<Keys.KeyAlgorithm>())}.");
        }

        if (options.CertificateValidityDays is < 1 or > NetSuiteOptions.MaxCertificateValidityDays)
        {
            failures.Add($"{prefix}{nameof(options.CertificateValidityDays)} must be between 1 and {NetSuiteOptions.MaxCertificateValidityDays} (NetSuite keeps certificates at most two years).");
        }

        if (string.IsNullOrWhiteSpace(options.CertificateSubjectName))
        {
            failures.Add($"{prefix}{nameof(options.CertificateSubjectName)} must name the app, e.g. \"NetSuite Onboarding\".");
        }

        if (options.AssertionLifetime < TimeSpan.FromSeconds(30) || options.AssertionLifetime > TimeSpan.FromMinutes(55))
        {
            failures.Add($"{prefix}{nameof(options.AssertionLifetime)} must be between 00:00:30 and 00:55:00 (NetSuite refuses assertions valid an hour or more), e.g. 00:05:00.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{prefix}{nameof(options.TokenRefreshMargin)} must be between 00:00:00 and 00:30:00, e.g. 00:02:00.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{prefix}{nameof(options.MaxRetryAttempts)} must be between 0 and 10.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{prefix}{nameof(options.RetryBaseDelay)} must be between 00:00:00.001 and 00:00:30, e.g. 00:00:01.");
        }

        if (options.AttemptTimeout < TimeSpan.FromSeconds(1) || options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add($"{prefix}{nameof(options.AttemptTimeout)} must be at least 00:00:01 and {prefix}{nameof(options.TotalTimeout)} at least as long, e.g. 00:00:30 and 00:01:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTemplate(List<string> failures, string key, string? template, bool needsAccount)
    {
        var hasPlaceholder = template?.Contains(WireNames.AccountPlaceholder, StringComparison.Ordinal) == true;
        var sample = template?.Replace(WireNames.AccountPlaceholder, "1234567-sb1", StringComparison.Ordinal);
        var valid = Uri.TryCreate(sample, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http"
            && string.IsNullOrEmpty(uri.Query)
            && hasPlaceholder == needsAccount;
        if (!valid)
        {
            failures.Add(needsAccount
                ? $"{key} must be an absolute URL with an {WireNames.AccountPlaceholder} placeholder and no query, e.g. https://{WireNames.AccountPlaceholder}.suitetalk.api.netsuite.com or http://127.0.0.1:5080/{WireNames.AccountPlaceholder}."
                : $"{key} must be an absolute URL without placeholder or query, e.g. https://system.netsuite.com.");
        }
    }
}
