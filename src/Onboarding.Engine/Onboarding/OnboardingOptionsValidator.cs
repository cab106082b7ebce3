using Microsoft.Extensions.Options;
using Onboarding.Engine.Onboarding.PostInstall;

namespace Onboarding.Engine.Onboarding;

/// <summary>Checks what data annotations cannot: the entity setting's shape, the URL templates, and that every enabled routine exists.</summary>
internal sealed class OnboardingOptionsValidator(IEnumerable<PostInstallRoutineRegistration> routines) : IValidateOptions<OnboardingOptions>
{
    public ValidateOptionsResult Validate(string? name, OnboardingOptions options)
    {
        var failures = new List<string>();
        if (options.EntityToMap != OnboardingOptions.InstallingAdmin && options.FixedEntityId is null)
        {
            failures.Add($"Onboarding:EntityToMap is '{options.EntityToMap}'; it must be 'admin' or an employee's internal id such as 7.");
        }

        if (!options.BundleInstallUrlTemplate.Contains("{bundleId}", StringComparison.Ordinal))
        {
            failures.Add("Onboarding:BundleInstallUrlTemplate must contain {bundleId}, e.g. {app}/app/bundler/bundledetails.nl?id={bundleId}.");
        }

        var known = routines.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var routine in options.PostInstallRoutines.Where(r => !known.Contains(r)))
        {
            failures.Add($"Onboarding:PostInstallRoutines names '{routine}', which is not registered; known routines: {string.Join(", ", known.Order())}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
