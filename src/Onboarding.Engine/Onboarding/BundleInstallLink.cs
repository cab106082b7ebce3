using System.Globalization;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>Builds the bundle install page URL from <c>Onboarding:BundleInstallUrlTemplate</c> and the account's UI base URL.</summary>
public sealed class BundleInstallLink(NetSuiteEndpoints endpoints, IOptions<OnboardingOptions> options)
{
    public Uri For(AccountId account) => new(
        options.Value.BundleInstallUrlTemplate
            .Replace("{app}", endpoints.AppBase(account).AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{account}", account.HostLabel, StringComparison.Ordinal)
            .Replace("{bundleId}", options.Value.BundleId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        UriKind.Absolute);
}
