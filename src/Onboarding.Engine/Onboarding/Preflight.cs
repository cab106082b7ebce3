using Microsoft.Extensions.Options;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;

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
public sealed record PreflightGap(string Missing, string Fix)
{
    public static PreflightGap RestWebServices { get; } = new(
        "use REST web services",
        "turn on REST Web Services (Setup > Company > Enable Features > SuiteCloud) and give the role the REST Web Services and Log in using OAuth 2.0 Access Tokens permissions");

    public static PreflightGap ManageRoles { get; } = new(
        "look up roles (to find the app's role)",
        "give the role the Setup > Manage Roles permission");

    public static PreflightGap Employees { get; } = new(
        "read employee records (to check who the app's certificate is mapped to)",
        "give the role the Lists > Employees permission");

    public static PreflightGap Certificates { get; } = new(
        "upload the app's certificate",
        "give the role the Manage own OAuth 2.0 Client Credentials certificates permission");

    public static PreflightGap CertificateRoom { get; } = new(
        $"add a certificate: the app's machine integration already has {CertificateLimit.MaxActive} active certificates, NetSuite's limit",
        "revoke unused ones under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup");

    public static PreflightGap Restlets { get; } = new(
        "call RESTlets (roles marked Web Services Only cannot)",
        "choose a role without the Web Services Only restriction, such as Administrator");

    public static PreflightGap RestletAudience { get; } = new(
        "call the bundle's check RESTlet, whose deployment admits only the Administrator role and the app's own role",
        "sign in with the Administrator role");

    public static PreflightGap MissingEmployee(long entityId) => new(
        $"map the app's certificate to employee {entityId}: there is no such employee in this account",
        "check the employee the vendor configured (Onboarding:EntityToMap), or map to the signing-in administrator");

    public static PreflightGap ServerScripts(NetSuiteError error) => new(
        $"run the bundle's RESTlet ({error.Explanation})",
        "turn on Server SuiteScript (Setup > Company > Enable Features > SuiteCloud) and check the bundle's RESTlet deployment is Released");
}
