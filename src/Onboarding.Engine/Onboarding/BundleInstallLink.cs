using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>Builds the bundle install page URL from <c>Onboarding:BundleInstallUrlTemplate</c> and the account's UI base URL.</summary>
public static class BundleInstallLink
{
    /// <summary>The account-agnostic host NetSuite offers when the account is not known yet.</summary>
    private const string SystemHost = "https://system.netsuite.com";

    public static Uri For(OnboardingOptions options, AccountId? account)
    {
        var app = account is { } a ? options.AppBaseUrl.Replace("{account}", a.HostLabel, StringComparison.Ordinal) : SystemHost;
        var url = options.BundleInstallUrlTemplate
            .Replace("{app}", app.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{account}", account?.HostLabel ?? string.Empty, StringComparison.Ordinal)
            .Replace("{bundleId}", options.BundleId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new Uri(url, UriKind.Absolute);
    }
}
