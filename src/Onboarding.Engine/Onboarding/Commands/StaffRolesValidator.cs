using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Checks <c>Onboarding:Roles</c> at start-up, and refuses the retired <c>Onboarding:StaffUserIds</c>: its bare ids named
/// no platform or workspace, so a user of any tenant with the same id was staff. They cannot be carried over safely, so
/// the host stops and says how to move them.
/// </summary>
internal sealed class StaffRolesValidator : IValidateOptions<OnboardingOptions>
{
    public const string RetiredStaffListMessage =
        "Onboarding:StaffUserIds is no longer read: staff now hold roles, and each entry names its platform and workspace. "
        + "Move every id to Onboarding:Roles:Operations (alerts, rotate, offboard, erase, audit, cancel anything) or Onboarding:Roles:Success "
        + "(onboard for clients, status of every tenant) as msteams:<entra-tenant-id>/<aadObjectId> or slack:<team-id>/<user-id>, "
        + "then remove Onboarding:StaffUserIds (docs/security.md).";

    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.StaffUserIds.Count > 0)
        {
            failures.Add(RetiredStaffListMessage);
        }

        foreach (var (_, key, entry) in options.Roles.Entries)
        {
            if (!StaffMember.TryParse(entry, out _, out var error))
            {
                failures.Add($"{key}: {error}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
