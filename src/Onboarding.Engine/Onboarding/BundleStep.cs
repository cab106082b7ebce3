using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding;

/// <summary>Step 2: asks the bundle's own RESTlet, with the admin token, whether the bundle is installed.</summary>
public sealed class BundleStep(
    OnboardingSessions sessions,
    AdminAccess adminAccess,
    IRestletClient restlets,
    StepFailures failures,
    OnboardingCards cards,
    IOptions<OnboardingOptions> options)
{
    /// <summary>Runs the check on a session claimed at <see cref="OnboardingStep.AwaitingBundle"/>; returns it at BundleVerified, or null when it stopped.</summary>
    public async Task<OnboardingSession?> CheckAsync(OnboardingSession claimed, string actor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = await adminAccess.AccessTokenAsync(claimed, actor, "bundle check", cancellationToken).ConfigureAwait(false);
        if (!token.IsSuccess)
        {
            return await failures.StopAsync(claimed, AdminAccessFailure(token.Error), actor, cancellationToken).ConfigureAwait(false);
        }

        var answer = await restlets.GetAsync(
            claimed.Account!.Value,
            token.Value,
            new RestletId(settings.BundleCheckRestlet.Script, settings.BundleCheckRestlet.Deployment),
            new Dictionary<string, string> { ["bundleId"] = settings.BundleId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            var failure = answer.Error.Kind is NetSuiteErrorKind.ScriptNotDeployed or NetSuiteErrorKind.NotFound
                ? NotInstalled(answer.Error.Said)
                : StepFailure.From(answer.Error);
            return await failures.StopAsync(claimed, failure, actor, cancellationToken).ConfigureAwait(false);
        }

        var (installed, version) = Read(answer.Value);
        if (!installed)
        {
            return await failures.StopAsync(claimed, NotInstalled(null), actor, cancellationToken).ConfigureAwait(false);
        }

        var verified = await sessions.TryMoveAsync(
            claimed,
            s => s with { Step = OnboardingStep.BundleVerified, Status = SessionStatus.Running, BundleVersion = version ?? settings.BundleVersion },
            actor,
            cancellationToken).ConfigureAwait(false);
        if (verified is not null)
        {
            await cards.PublishAsync(verified, cancellationToken).ConfigureAwait(false);
        }

        return verified;
    }

    /// <summary>Maps "the admin token no longer works" to the failure that offers signing in again.</summary>
    public static StepFailure AdminAccessFailure(NetSuiteError error) => error.Code == FlowCodes.AdminAccessEnded
        ? new StepFailure(FlowCodes.AdminAccessEnded, error.Explanation, "Press Sign in again to give one more hour; nothing done so far is lost.")
        : StepFailure.From(error);

    private static StepFailure NotInstalled(string? said) => new(
        FlowCodes.BundleNotInstalled,
        "Not installed yet — NetSuite can take a minute after you click Install.",
        "Finish the install in NetSuite, then press I've installed it again shortly.",
        said);

    private static (bool Installed, string? Version) Read(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("installed", out var installed) || installed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return (false, null);
        }

        var version = answer.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return (installed.GetBoolean(), version);
    }
}
