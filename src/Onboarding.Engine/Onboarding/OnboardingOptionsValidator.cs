using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Onboarding.PostInstall;

namespace Onboarding.Engine.Onboarding;

/// <summary>
/// Checks what data annotations cannot: the entity setting's shape, the URL templates, the kit's script ids (they go into
/// SuiteQL text, so only NetSuite's id characters are allowed), and that every enabled routine exists.
/// </summary>
internal sealed partial class OnboardingOptionsValidator(IEnumerable<PostInstallRoutineRegistration> routines) : IValidateOptions<OnboardingOptions>
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

        CheckScriptId(failures, "RoleScriptId", options.RoleScriptId, "customrole_onboarding_app");
        CheckScriptId(failures, "ConfigurationRecordType", options.ConfigurationRecordType, "customrecord_onboarding_config");
        CheckScriptId(failures, "ConfigurationKeyField", options.ConfigurationKeyField, "custrecord_onboarding_config_key");
        CheckScriptId(failures, "ConfigurationValueField", options.ConfigurationValueField, "custrecord_onboarding_config_value");

        var known = routines.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var routine in options.PostInstallRoutines.Where(r => !known.Contains(r)))
        {
            failures.Add($"Onboarding:PostInstallRoutines names '{routine}', which is not registered; known routines: {string.Join(", ", known.Order())}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckScriptId(List<string> failures, string key, string? value, string example)
    {
        // An empty value is reported by its [Required] annotation.
        if (!string.IsNullOrEmpty(value) && !ScriptId().IsMatch(value))
        {
            failures.Add($"Onboarding:{key} is '{value}'; it must be a NetSuite script id (letters, digits and underscores), e.g. {example}.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ScriptId();
}
