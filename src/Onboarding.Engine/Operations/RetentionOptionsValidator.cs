using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Operations;

/// <summary>Checks the <c>Retention</c> section at start-up; each message names the key and the allowed range.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3653);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        void Check(string key, TimeSpan value, TimeSpan min, TimeSpan max, string minText, string maxText)
        {
            if (value < min || value > max)
            {
                failures.Add($"{RetentionOptions.SectionName}:{key} must be between {minText} and {maxText}; got '{value}'.");
            }
        }

        Check(nameof(options.Interval), options.Interval, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), "00:01:00", "1.00:00:00");

        // A delivery id must outlive the platforms' retries (Slack retries for up to an hour).
        Check(nameof(options.Deliveries), options.Deliveries, TimeSpan.FromHours(1), TenYears, "01:00:00", "10 years");
        Check(nameof(options.AuthorizationRequests), options.AuthorizationRequests, TimeSpan.FromHours(1), TenYears, "01:00:00", "10 years");
        Check(nameof(options.PersonalNames), options.PersonalNames, TimeSpan.FromHours(1), TenYears, "01:00:00", "10 years");
        Check(nameof(options.FinishedOnboardings), options.FinishedOnboardings, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        Check(nameof(options.Reauthorizations), options.Reauthorizations, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");

        // An audit log kept for less than a month cannot answer "who used which credential" for the last billing period.
        Check(nameof(options.AuditLog), options.AuditLog, TimeSpan.FromDays(30), TenYears, "30.00:00:00", "10 years");
        Check(nameof(options.RevokedKeys), options.RevokedKeys, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        Check(nameof(options.OffboardedTenants), options.OffboardedTenants, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        Check(nameof(options.ConversationReferences), options.ConversationReferences, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        Check(nameof(options.CardMessages), options.CardMessages, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        Check(nameof(options.DisabledAlertSubscriptions), options.DisabledAlertSubscriptions, TimeSpan.FromDays(1), TenYears, "1.00:00:00", "10 years");
        if (options.PersonalNames > options.FinishedOnboardings)
        {
            failures.Add($"{RetentionOptions.SectionName}:PersonalNames ({options.PersonalNames}) must not be longer than {RetentionOptions.SectionName}:FinishedOnboardings ({options.FinishedOnboardings}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
