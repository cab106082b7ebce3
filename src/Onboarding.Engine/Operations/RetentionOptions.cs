namespace Onboarding.Engine.Operations;

/// <summary>
/// Settings section <c>Retention</c>: how long each kind of stored data is kept before the retention job removes it
/// (docs/operations.md has the table of every table and its rule). Check results keep their own <c>Health:ResultRetention</c>.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Runs the retention job; off only for diagnosis.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two runs of the retention job.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Platform delivery ids remembered to recognise re-sent messages (Teams and Slack retry within minutes).</summary>
    public TimeSpan Deliveries { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Used or expired sign-in requests (state hashes; their secrets are erased when used).</summary>
    public TimeSpan AuthorizationRequests { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After an onboarding finishes, the names of who started and authorized it are replaced by "someone".</summary>
    public TimeSpan PersonalNames { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Finished onboardings (completed, cancelled, failed for good) are deleted, except each connected tenant's latest.</summary>
    public TimeSpan FinishedOnboardings { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Finished re-authorizations (their admin tokens are erased as they finish).</summary>
    public TimeSpan Reauthorizations { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Audit log entries.</summary>
    public TimeSpan AuditLog { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Revoked keys (certificate and ids; their private keys are erased on revocation).</summary>
    public TimeSpan RevokedKeys { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Offboarded tenants: their tenant row (company name), health state and keys.</summary>
    public TimeSpan OffboardedTenants { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Stored chat addresses not used for this long, unless alerts or an open onboarding still post there.</summary>
    public TimeSpan ConversationReferences { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Which message shows which card, for cards not updated for this long.</summary>
    public TimeSpan CardMessages { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Alert subscriptions switched off because the bot could no longer post there.</summary>
    public TimeSpan DisabledAlertSubscriptions { get; set; } = TimeSpan.FromDays(90);
}
