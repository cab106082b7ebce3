using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;

namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>The health monitor's cards: the incident card for every failure cause, recovery and reminder notices, and the certificate cards.</summary>
internal static class AlertCards
{
    public static IEnumerable<(string, StepView)> Build(Wording w, HealthOptions options, DateTimeOffset now)
    {
        var tenant = new MonitoredTenant(AccountId.Parse("1234567_SB1"), "Demo *Company* (Sandbox) (1234567_SB1)");
        var downSince = now.AddHours(-3);
        foreach (var cause in Enum.GetValues<FailureCause>())
        {
            var health = new TenantHealth(tenant.Account, HealthState.Down, downSince, now.AddMinutes(5))
            {
                LastCheckAt = now,
                LastGoodAt = downSince.AddMinutes(-15),
                ConsecutiveFailures = 4,
                FailingSince = downSince,
                Cause = cause,
                Said = "INVALID_LOGIN (401)",
                IncidentId = "incident-1",
                MutedUntil = cause == FailureCause.Unknown ? now.AddHours(20) : null,
            };
            yield return ($"alert-down-{cause}", AlertViews.Down(w, tenant, health, now, options));
            yield return ($"alert-recovered-{cause}", AlertViews.Recovered(w, tenant, health with { State = HealthState.Recovered }, downSince, now));
            yield return ($"alert-reminder-{cause}", AlertViews.ReminderNotice(w, tenant, health, now));
        }

        yield return ("alert-recovered-notice", AlertViews.RecoveredNotice(w, tenant, downSince, now));

        var expires = now.AddDays(20);
        yield return ("certificate-renews-automatically", CertificateViews.RenewsAutomatically(w, tenant, expires, now.AddDays(5), now));
        yield return ("certificate-needs-reauthorization", CertificateViews.NeedsReauthorization(w, tenant, expires, now,
            new NetSuiteError(NetSuiteErrorKind.PermissionMissing, Phrase.Verbatim("The role may not manage certificates."), 403, "INSUFFICIENT_PERMISSION")));
        yield return ("certificate-confirm-rotation", CertificateViews.ConfirmRotation(w, tenant, new Dictionary<string, string> { ["confirmation"] = "c-1" }));
        yield return ("certificate-rotating", CertificateViews.Rotating(w, tenant, new Engine.Conversations.ChatUser("u-1", "Vic")));
        yield return ("certificate-rotation-kept", CertificateViews.RotationKept(w, tenant, new Engine.Conversations.ChatUser("u-1", "Vic")));
        yield return ("certificate-rotated", CertificateViews.Rotated(w, tenant, new RotationOutcome(RotationStatus.Rotated, NewCertificateId: "cert-new", ValidUntil: now.AddYears(2), OldCertificateId: "cert-old", OldRevoked: true)));
        foreach (var status in Enum.GetValues<RotationStatus>().Where(s => s != RotationStatus.Rotated))
        {
            yield return ($"certificate-rotation-{status}", CertificateViews.RotationFailed(w, tenant, new RotationOutcome(status, "upload",
                new NetSuiteError(NetSuiteErrorKind.InvalidRequest, Phrase.Verbatim("NetSuite refused the certificate."), 400, "INVALID_CONTENT"))));
        }
    }
}
