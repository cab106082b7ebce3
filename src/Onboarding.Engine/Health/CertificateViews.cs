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

    /// <summary>A rotation that stopped; the connection is untouched (the old certificate is only revoked after the new one is proven).</summary>
    public static StepView RotationFailed(MonitoredTenant tenant, RotationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(outcome);
        var title = $"Couldn't rotate the certificate for {tenant.DisplayName}";
        var reason = outcome.Status switch
        {
            RotationStatus.AlreadyRunning => "A rotation for this account is already running.",
            RotationStatus.NoTenantKey => "The account has no certificate to rotate. Onboard it again.",
            _ when outcome.OldKeptActive => $"The new certificate did not pass its test, so nothing changed: the current certificate ({outcome.OldCertificateId}) stays active and in use. {outcome.Error?.Explanation}",
            _ => outcome.Error?.Explanation ?? "NetSuite refused.",
        };
        List<ViewAction> actions = outcome.Status == RotationStatus.NeedsReauthorization
            ? [new SubmitAction("Re-authorize", HealthVerbs.Reauthorize, AlertViews.Data(tenant.Account), ActionStyle.Primary)]
            : [new SubmitAction("Retry", HealthVerbs.RotateConfirmed, AlertViews.Data(tenant.Account), ActionStyle.Primary)];
        return new StepView(title, $"{title}. {reason}", Tone.Attention)
        {
            Body = [reason],
            Actions = outcome.Status is RotationStatus.AlreadyRunning or RotationStatus.NoTenantKey ? [] : actions,
            Footnote = outcome.Error?.Said,
        };
    }

    /// <summary>The second card before a rotation on demand (a destructive action asks first).</summary>
    public static StepView ConfirmRotation(MonitoredTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
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
                new SubmitAction($"Rotate {tenant.DisplayName}", HealthVerbs.RotateConfirmed, AlertViews.Data(tenant.Account), ActionStyle.Destructive),
            ],
        };
    }
}
