using Microsoft.Extensions.Options;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Right after consent and before anything changes in NetSuite: can the role the admin chose (not necessarily
/// Administrator, docs/netsuite.md C11) do what steps 2 and 3 need, and are the account's features on? Every check reads
/// only; each one that fails becomes a <see cref="PreflightGap"/> saying what is missing and where to fix it.
/// </summary>
public sealed class Preflight(
    AccountDirectory directory,
    ICertificateClient certificates,
    BundleCheck bundleCheck,
    IOptions<OnboardingOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>NetSuite's Administrator role, whose internal id is 3 in every account.</summary>
    public const long AdministratorRoleId = 3;

    /// <summary>The gaps found, or the transient failure that kept the checks from finishing.</summary>
    public async Task<PreflightOutcome> CheckAsync(OnboardingSession session, BearerToken adminToken, CancellationToken cancellationToken)
    {
        var account = session.Account!.Value;
        var gaps = new List<PreflightGap>();

        // Step 3 looks up the app's role; the lookup also shows whether the role can use REST web services at all.
        var role = await directory.FindAppRoleAsync(account, adminToken, cancellationToken).ConfigureAwait(false);
        if (!role.IsSuccess)
        {
            if (SuiteQlGap(role.Error, PreflightGap.ManageRoles) is not { } gap)
            {
                return new PreflightOutcome([], role.Error);
            }

            gaps.Add(gap);
        }

        // Step 3 checks that the entity the certificate is mapped to holds the app's role.
        if (!gaps.Contains(PreflightGap.RestWebServices))
        {
            var entityId = options.Value.FixedEntityId ?? session.AuthorizedEntityId!.Value;
            var employee = await directory.FindEmployeeAsync(account, adminToken, entityId, cancellationToken).ConfigureAwait(false);
            if (!employee.IsSuccess)
            {
                if (SuiteQlGap(employee.Error, PreflightGap.Employees) is not { } gap)
                {
                    return new PreflightOutcome([], employee.Error);
                }

                gaps.Add(gap);
            }
            else if (employee.Value is null)
            {
                gaps.Add(PreflightGap.MissingEmployee(entityId));
            }
        }

        // Step 3 uploads the certificate. A 404 may only mean the machine integration record comes with the bundle, not
        // installed yet; a refused list is a missing permission.
        var listed = await certificates.ListAsync(account, adminToken, cancellationToken).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            switch (listed.Error.Kind)
            {
                case NetSuiteErrorKind.PermissionMissing or NetSuiteErrorKind.InvalidLogin or NetSuiteErrorKind.InvalidScope:
                    gaps.Add(PreflightGap.Certificates);
                    break;
                case NetSuiteErrorKind.NotFound:
                    break;
                default:
                    return new PreflightOutcome([], listed.Error);
            }
        }
        else if (CertificateLimit.IsReached(listed.Value, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)))
        {
            gaps.Add(PreflightGap.CertificateRoom);
        }

        // Step 2 asks the bundle's RESTlet. Not installed yet is fine here; a refusal is not.
        var bundle = await bundleCheck.CheckAsync(account, adminToken, cancellationToken).ConfigureAwait(false);
        if (bundle.State == BundleState.Failed && bundle.Error is { } refused)
        {
            if (refused.IsTransient)
            {
                return new PreflightOutcome([], refused);
            }

            gaps.Add(refused.Kind switch
            {
                NetSuiteErrorKind.InvalidLogin => PreflightGap.Restlets,
                NetSuiteErrorKind.PermissionMissing => PreflightGap.RestletAudience,
                _ => PreflightGap.ServerScripts(refused),
            });
        }

        // The RESTlet's deployment admits Administrator and the app's role only (manifests/netsuite).
        if (session.AuthorizedRoleId != AdministratorRoleId)
        {
            gaps.Add(PreflightGap.RestletAudience);
        }

        return new PreflightOutcome([.. gaps.Distinct()], null);
    }

    // A refused token right after consent means REST web services are off for the role or the account; a hidden table
    // means the permission is missing. Anything else (transient, or a query the app got wrong) is not the admin's to fix.
    private static PreflightGap? SuiteQlGap(NetSuiteError error, PreflightGap whenHidden) => error.Kind switch
    {
        NetSuiteErrorKind.InvalidLogin => PreflightGap.RestWebServices,
        NetSuiteErrorKind.PermissionMissing => whenHidden,
        _ => null,
    };
}

/// <summary>What the pre-flight found: gaps to fix, or the failure that kept it from finishing (retry, or report).</summary>
public sealed record PreflightOutcome(IReadOnlyList<PreflightGap> Gaps, NetSuiteError? Error);

/// <summary>One thing the signed-in role or the account lacks, in words an admin can act on.</summary>
/// <param name="Missing">What cannot be done, completing "The role can't …".</param>
/// <param name="Fix">Where to fix it in NetSuite.</param>
public sealed record PreflightGap(Phrase Missing, Phrase Fix)
{
    public static PreflightGap RestWebServices { get; } = new(Phrase.Of(nameof(Preflight_RestWebServices)), Phrase.Of(nameof(Preflight_RestWebServicesFix)));

    public static PreflightGap ManageRoles { get; } = new(Phrase.Of(nameof(Preflight_ManageRoles)), Phrase.Of(nameof(Preflight_ManageRolesFix)));

    public static PreflightGap Employees { get; } = new(Phrase.Of(nameof(Preflight_Employees)), Phrase.Of(nameof(Preflight_EmployeesFix)));

    public static PreflightGap Certificates { get; } = new(Phrase.Of(nameof(Preflight_Certificates)), Phrase.Of(nameof(Preflight_CertificatesFix)));

    public static PreflightGap CertificateRoom { get; } = new(Phrase.Of(nameof(Preflight_CertificateRoom), CertificateLimit.MaxActive), Phrase.Of(nameof(Preflight_CertificateRoomFix)));

    public static PreflightGap Restlets { get; } = new(Phrase.Of(nameof(Preflight_Restlets)), Phrase.Of(nameof(Preflight_RestletsFix)));

    public static PreflightGap RestletAudience { get; } = new(Phrase.Of(nameof(Preflight_RestletAudience)), Phrase.Of(nameof(Preflight_RestletAudienceFix)));

    public static PreflightGap MissingEmployee(long entityId) => new(Phrase.Of(nameof(Preflight_MissingEmployee), entityId), Phrase.Of(nameof(Preflight_MissingEmployeeFix)));

    public static PreflightGap ServerScripts(NetSuiteError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(Phrase.Of(nameof(Preflight_ServerScripts), error.Explanation), Phrase.Of(nameof(Preflight_ServerScriptsFix)));
    }
}
