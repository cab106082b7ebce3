using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Health.HealthWording;
using static Onboarding.Engine.Onboarding.Views.TimeWording;

namespace Onboarding.Engine.Health;

/// <summary>Cards about a tenant's certificate: expiry warnings, renewals, and the confirmation before rotating on demand.</summary>
public static class CertificateViews
{
    /// <summary>The warning before expiry while automatic renewal is expected to work.</summary>
    public static StepView RenewsAutomatically(MonitoredTenant tenant, DateTimeOffset expiresAt, DateTimeOffset renewsOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var title = $"Certificate for {tenant.DisplayName} renews automatically on {Date(renewsOn)}";
        return new StepView(title, $"{title}. It expires on {Date(expiresAt)}, in {Duration(expiresAt - now)}.")
        {
            Facts = [new("Expires", $"{Date(expiresAt)} (in {Duration(expiresAt - now)})"), new("Renewal", $"automatic, from {Date(renewsOn)}")],
        };
    }

    /// <summary>The warning when the app's role cannot renew by itself: an admin re-authorizes for an hour and the app does the rest.</summary>
    public static StepView NeedsReauthorization(MonitoredTenant tenant, DateTimeOffset expiresAt, DateTimeOffset now, NetSuiteError? error)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var title = $"Certificate for {tenant.DisplayName} needs a one-hour re-authorization before {Date(expiresAt)}";
        return new StepView(title, $"{title}. The app's role cannot upload a new certificate by itself; a NetSuite admin signs in once and the app renews it.", Tone.Warning)
        {
            Body =
            [
                "The app's role cannot upload a new certificate by itself (it needs \"Manage own OAuth 2.0 Client Credentials certificates\", or its certificate was refused).",
                "A NetSuite admin signs in once; the app uploads the new certificate, proves it works, revokes the old one and gives the admin access back.",
            ],
            Facts = [new("Expires", $"{Date(expiresAt)} (in {Duration(expiresAt - now)})")],
            Actions = [new SubmitAction("Re-authorize", HealthVerbs.Reauthorize, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            Footnote = error?.Said,
        };
    }

    /// <summary>A renewal or rotation that worked.</summary>
    public static StepView Rotated(MonitoredTenant tenant, RotationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(outcome);
        var title = $"🔑 New certificate for {tenant.DisplayName} is in use";
        var old = outcome.OldCertificateId is not { } oldId ? "none"
            : outcome.OldRevoked ? $"{oldId} (revoked)"
            : $"{oldId} (NetSuite did not revoke it yet; the next rotation tries again)";
        return new StepView(title, outcome.OldRevoked ? $"{title}; the old one is revoked." : $"{title}.", Tone.Good)
        {
            Facts =
            [
                new("Certificate", outcome.NewCertificateId ?? "?"),
                new("Valid until", outcome.ValidUntil is { } until ? Date(until) : "?"),
                new("Old certificate", old),
            ],
        };
    }

    /// <summary>
    /// A rotation that stopped, in the three parts of every failure: which account and what stopped, why, and what to do —
    /// with the button that does it.
    /// </summary>
    public static StepView RotationFailed(MonitoredTenant tenant, RotationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(outcome);
        var title = $"Couldn't rotate the certificate for {tenant.DisplayName}";
        var (reason, toDo) = outcome.Status switch
        {
            RotationStatus.AlreadyRunning => ("A rotation for this account is already running.", "Wait a minute; its result appears where it was started."),
            RotationStatus.NoTenantKey => ("The account has no certificate to rotate.", "Onboard it again to give it one."),
            RotationStatus.NeedsReauthorization => (
                $"{StageOf(outcome.Stage)} needs more than the app's own role may do: {outcome.Error?.Explanation ?? "NetSuite refused."}",
                "Press Re-authorize: a NetSuite administrator signs in once, for one hour, and the app rotates the certificate."),
            _ when outcome.OldKeptActive => (
                $"{StageOf(outcome.Stage)} failed, so nothing changed: the current certificate ({outcome.OldCertificateId}) stays active and in use. {outcome.Error?.Explanation}",
                "Press Try again in a few minutes; if it keeps failing, send the small print to support."),
            _ => (
                $"{StageOf(outcome.Stage)} failed: {outcome.Error?.Explanation ?? "NetSuite refused."}",
                "Press Try again in a few minutes; if it keeps failing, send the small print to support."),
        };
        List<ViewAction> actions = outcome.Status switch
        {
            RotationStatus.NeedsReauthorization => [new SubmitAction("Re-authorize", HealthVerbs.Reauthorize, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            RotationStatus.Failed => [new SubmitAction("Try again", Conversations.ChatVerbs.Rotate, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            _ => [],
        };
        return new StepView(title, $"{title}. {reason} {toDo}", Tone.Attention)
        {
            Body = [reason, toDo],
            Actions = actions,
            Footnote = outcome.Error?.Said,
        };
    }

    /// <summary>A rotation's stage as the first words of a sentence: "Uploading the new certificate".</summary>
    internal static string StageOf(string? stage) => stage switch
    {
        "token" => "Signing in to NetSuite",
        "list" => "Listing the account's certificates",
        "plan" => "Preparing the rotation",
        "upload" => "Uploading the new certificate",
        "prove" => "Testing the new certificate",
        "revoke-old" => "Revoking the old certificate",
        _ => "The rotation",
    };

    /// <summary>The second card before a rotation on demand; <paramref name="question"/> is the confirmation data both buttons carry.</summary>
    public static StepView ConfirmRotation(MonitoredTenant tenant, IReadOnlyDictionary<string, string> question)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var data = Conversations.ConfirmationCards.With(AlertViews.Data(tenant.Account), question);
        var title = $"Rotate the certificate for {tenant.DisplayName}?";
        return new StepView(title, $"{title} A new key and certificate replace the current ones; the old certificate is revoked in NetSuite.", Tone.Warning)
        {
            Body =
            [
                "A new key pair and certificate are created and uploaded, proven with a test query, and switched to; then the old certificate is revoked.",
                "The connection keeps working throughout.",
            ],
            Actions =
            [
                new SubmitAction("Rotate certificate", HealthVerbs.RotateConfirmed, data, ActionStyle.Destructive),
                new SubmitAction("Keep", HealthVerbs.RotateKept, data),
            ],
        };
    }

    /// <summary>In place of the question while the rotation runs.</summary>
    public static StepView Rotating(MonitoredTenant tenant, Conversations.ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(by);
        return new StepView($"Rotating the certificate for {tenant.DisplayName}…", $"Rotating the certificate for {tenant.DisplayName}.")
        {
            Body = [$"{by.Name} confirmed. Creating and uploading the new certificate, then testing it — this takes a moment."],
        };
    }

    /// <summary>In place of the question when Keep was pressed.</summary>
    public static StepView RotationKept(MonitoredTenant tenant, Conversations.ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(by);
        return new StepView($"The certificate for {tenant.DisplayName} stays as it is", "Nothing was changed.", Tone.Good)
        {
            Body = [$"{by.Name} chose to keep it. Nothing was changed."],
        };
    }
}
