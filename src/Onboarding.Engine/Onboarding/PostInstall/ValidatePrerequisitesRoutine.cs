using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// Checks, as the app's own role, what the app needs day to day: the role is active, the bundle's RESTlet answers, and the
/// certificate endpoint is open to it (so certificates can later be renewed without an admin).
/// </summary>
public sealed class ValidatePrerequisitesRoutine(ISuiteQlClient suiteQl, IRestletClient restlets, ICertificateClient certificates, IOptions<OnboardingOptions> options)
    : IPostInstallRoutine
{
    public const string RoutineName = "validate-prerequisites";

    public string Name => RoutineName;

    public string Label => "Check prerequisites";

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        var role = await suiteQl.QueryAsync(context.Account, context.MachineToken, "SELECT id, isinactive FROM role WHERE id = ?", [context.AppRoleId.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        if (!role.IsSuccess)
        {
            return RoutineResult.Failed("the app's role could not be read", role.Error);
        }

        if (role.Value.Items.FirstOrDefault() is not { } row || row.GetValueOrDefault("isinactive") == "T")
        {
            return RoutineResult.Failed($"the app's role {context.AppRoleId} is missing or inactive");
        }

        var settings = options.Value;
        var bundle = await restlets.GetAsync(
            context.Account,
            context.MachineToken,
            new RestletId(settings.BundleCheckRestlet.Script, settings.BundleCheckRestlet.Deployment),
            new Dictionary<string, string> { ["bundleId"] = settings.BundleId.ToString(CultureInfo.InvariantCulture) },
            cancellationToken).ConfigureAwait(false);
        if (!bundle.IsSuccess)
        {
            return RoutineResult.Failed("the bundle's RESTlet does not answer the app's role", bundle.Error);
        }

        if (!bundle.Value.TryGetProperty("installed", out var installed) || installed.ValueKind != JsonValueKind.True)
        {
            return RoutineResult.Failed("the bundle no longer reports itself installed");
        }

        var listed = await certificates.ListAsync(context.Account, context.MachineToken, cancellationToken).ConfigureAwait(false);
        return listed.IsSuccess
            ? RoutineResult.Done("Prerequisites OK: role active, RESTlet answers, certificate self-service allowed")
            : RoutineResult.Failed("the app's role may not manage its own certificates", listed.Error);
    }
}
