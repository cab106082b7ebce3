using Microsoft.Extensions.Options;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>Checks the <c>Inbox</c> section at start-up; each message names the key and what is wrong.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Between(failures, "WorkerConcurrency", options.WorkerConcurrency, 1, 256);
        Between(failures, "MaxAttempts", options.MaxAttempts, 1, 20);
        Between(failures, "RetryDelay", options.RetryDelay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Between(failures, "Lease", options.Lease, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(30));
        Between(failures, "PollInterval", options.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));
        Between(failures, "MaxBacklog", options.MaxBacklog, 10, 1_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Between<T>(List<string> failures, string key, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"{InboxOptions.SectionName}:{key} is {value}; it must be between {min} and {max}.");
        }
    }
}
