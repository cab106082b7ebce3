using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Kit;

/// <summary>
/// Asks the bundle's own RESTlet whether the bundle is installed (docs/netsuite.md §6), with whichever token the caller
/// holds: the admin's in step 2 and the pre-flight, the app role's in the prerequisites routine and the health monitor.
/// The only reader of the RESTlet's answer; its settings are <c>Onboarding:BundleId</c> and <c>Onboarding:BundleCheckRestlet</c>.
/// </summary>
public sealed class BundleCheck(IRestletClient restlets, IOptions<OnboardingOptions> options)
{
    private const string BundleIdParameter = "bundleId";
    private const string InstalledField = "installed";
    private const string VersionField = "version";

    public async Task<BundleCheckResult> CheckAsync(AccountId account, BearerToken token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var answer = await restlets.GetAsync(
            account,
            token,
            new RestletId(settings.BundleCheckRestlet.Script, settings.BundleCheckRestlet.Deployment),
            new Dictionary<string, string> { [BundleIdParameter] = settings.BundleId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            // No deployment means no bundle: the RESTlet comes with it (docs/netsuite.md §6).
            return answer.Error.Kind is NetSuiteErrorKind.ScriptNotDeployed or NetSuiteErrorKind.NotFound
                ? new BundleCheckResult(BundleState.NotInstalled, null, answer.Error)
                : new BundleCheckResult(BundleState.Failed, null, answer.Error);
        }

        var body = answer.Value;
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty(InstalledField, out var installed)
            || installed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return new BundleCheckResult(BundleState.Failed, null, new NetSuiteError(
                NetSuiteErrorKind.MalformedResponse,
                Phrase.Of(nameof(NetSuite_BundleCheckUnreadable))));
        }

        var version = body.TryGetProperty(VersionField, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return installed.GetBoolean()
            ? new BundleCheckResult(BundleState.Installed, version, null)
            : new BundleCheckResult(BundleState.NotInstalled, null, null);
    }
}

/// <summary>What the bundle check found: installed (with the version it reported), not installed, or no answer.</summary>
/// <param name="State">The outcome.</param>
/// <param name="Version">The installed version, when the RESTlet reported one.</param>
/// <param name="Error">NetSuite's refusal: the reason of <see cref="BundleState.Failed"/>, or the "not deployed" answer behind <see cref="BundleState.NotInstalled"/>.</param>
public sealed record BundleCheckResult(BundleState State, string? Version, NetSuiteError? Error);

/// <summary>Whether the vendor's bundle is in the account.</summary>
public enum BundleState
{
    Installed,
    NotInstalled,

    /// <summary>The RESTlet could not say (refused, unavailable, unreadable); <see cref="BundleCheckResult.Error"/> says why.</summary>
    Failed,
}
