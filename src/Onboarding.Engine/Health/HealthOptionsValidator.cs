using System.Globalization;
using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Health;

/// <summary>Checks the <c>Health</c> section at start-up; each message names the key and what is wrong.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Between(failures, "CheckInterval", options.CheckInterval, TimeSpan.FromSeconds(30), TimeSpan.FromDays(1));
        Between(failures, "CheckJitter", options.CheckJitter, TimeSpan.Zero, options.CheckInterval);
        Between(failures, "RecheckInterval", options.RecheckInterval, TimeSpan.FromSeconds(10), options.CheckInterval);
        Between(failures, "CycleInterval", options.CycleInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Between(failures, "BundleCheckInterval", options.BundleCheckInterval, options.CheckInterval, TimeSpan.FromDays(7));
        Between(failures, "ReminderInterval", options.ReminderInterval, TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Between(failures, "MuteDuration", options.MuteDuration, TimeSpan.FromMinutes(5), TimeSpan.FromDays(30));
        Between(failures, "ResultRetention", options.ResultRetention, TimeSpan.FromHours(1), TimeSpan.FromDays(366));
        Between(failures, "RenewalLeadTime", options.RenewalLeadTime, TimeSpan.FromDays(1), TimeSpan.FromDays(365));
        Between(failures, "MaxConcurrentChecks", options.MaxConcurrentChecks, 1, 512);
        Between(failures, "FailuresBeforeDown", options.FailuresBeforeDown, 1, 100);
        Between(failures, "DefinitiveFailuresBeforeDown", options.DefinitiveFailuresBeforeDown, 1, 100);
        var days = (options.ExpiryWarningDays ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (days.Length == 0 || days.Any(d => !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 365))
        {
            failures.Add("Health:ExpiryWarningDays must be whole days between 1 and 365, comma-separated, e.g. 30,7,1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"Health:{key} is {value}; it must be between {min} and {max}.");
        }
    }
}
