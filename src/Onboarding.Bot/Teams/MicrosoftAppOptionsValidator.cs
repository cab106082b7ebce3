using Microsoft.Extensions.Options;

namespace Onboarding.Bot.Teams;

/// <summary>
/// Checks that the MicrosoftApp* keys form a combination the Bot Framework accepts, with messages that name the key
/// (the framework itself would throw a bare ArgumentException on the first request, or silently fall back to MultiTenant).
/// </summary>
internal sealed class MicrosoftAppOptionsValidator : IValidateOptions<MicrosoftAppOptions>
{
    private const string AnonymousHint = "or leave MicrosoftAppType and MicrosoftAppId empty for local anonymous mode";

    public ValidateOptionsResult Validate(string? name, MicrosoftAppOptions options)
    {
        var type = options.MicrosoftAppType?.Trim() ?? string.Empty;
        var failures = new List<string>();
        if (type.Length == 0 || type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (!options.IsAnonymous && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add($"MicrosoftAppPassword is empty but MicrosoftAppId is set: set the app's client secret, {AnonymousHint}.");
            }
        }
        else if (type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            Require(failures, options.MicrosoftAppId, "MicrosoftAppId", type);
            Require(failures, options.MicrosoftAppPassword, "MicrosoftAppPassword", type);
            Require(failures, options.MicrosoftAppTenantId, "MicrosoftAppTenantId", type);
        }
        else if (type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            Require(failures, options.MicrosoftAppId, "MicrosoftAppId", type);
            Require(failures, options.MicrosoftAppTenantId, "MicrosoftAppTenantId", type);
            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity needs no secret).");
            }
        }
        else
        {
            failures.Add($"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI ({AnonymousHint}); got '{type}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key, string type)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required when MicrosoftAppType is {type}: set it, {AnonymousHint}.");
        }
    }
}
