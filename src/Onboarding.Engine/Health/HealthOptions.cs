using System.Globalization;

namespace Onboarding.Engine.Health;

/// <summary>
/// Settings section <c>Health</c>: how often tenants are checked, when an incident is declared and how alerts and renewals
/// are paced. What a check calls (the bundle-check RESTlet, the configuration record the probe reads) is the vendor kit's,
/// configured once in the <c>Onboarding</c> section.
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Runs the monitor; off leaves tenants unchecked (alert subscriptions still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two connection checks of one tenant while it is healthy.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Up to this much is added at random to each tenant's next check, so tenants do not all hit NetSuite at once.</summary>
    public TimeSpan CheckJitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time to the next check while a tenant is failing or down, to confirm or clear the failure sooner.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the monitor wakes to run the checks that are due.</summary>
    public TimeSpan CycleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most checks this instance runs at once. Below it, the monitor runs as many as it takes to check the tenants due
    /// within one <see cref="CycleInterval"/> at the NetSuite latency it sees; one tenant is never checked twice at once.
    /// </summary>
    public int MaxConcurrentChecks { get; set; } = 64;

    /// <summary>Time between two bundle (RESTlet) checks of one tenant.</summary>
    public TimeSpan BundleCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive failures with a passing cause (NetSuite unavailable, network) before the tenant is declared down.</summary>
    public int FailuresBeforeDown { get; set; } = 3;

    /// <summary>Consecutive failures with a lasting cause (certificate, role, bundle) before the tenant is declared down.</summary>
    public int DefinitiveFailuresBeforeDown { get; set; } = 2;

    /// <summary>Time between reminders while a tenant stays down.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long the Mute button silences an incident's reminders.</summary>
    public TimeSpan MuteDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long check results are kept.</summary>
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long before its expiry a certificate is renewed automatically.</summary>
    public TimeSpan RenewalLeadTime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Days before expiry at which a warning is posted, comma-separated, e.g. <c>30,7,1</c>.</summary>
    public string ExpiryWarningDays { get; set; } = "30,7,1";

    // Parsed once per text, not on every healthy check that asks (settings reloaded from configuration are new objects).
    private ParsedWarningDays? _warningDays;

    /// <summary>The warning thresholds in days, largest first; throws on text the validator would have refused.</summary>
    public IReadOnlyList<int> WarningDays
    {
        get
        {
            var text = ExpiryWarningDays;
            if (_warningDays is { } parsed && ReferenceEquals(parsed.Text, text))
            {
                return parsed.Days;
            }

            int[] days = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => int.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture))
                .OrderDescending()];
            _warningDays = new ParsedWarningDays(text, days);
            return days;
        }
    }

    private sealed record ParsedWarningDays(string Text, IReadOnlyList<int> Days);
}
