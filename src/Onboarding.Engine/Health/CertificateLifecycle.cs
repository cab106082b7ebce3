using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Health;

/// <summary>
/// Watches a healthy tenant's certificate: renews it at the lead time (retrying at most every <see cref="RetryInterval"/>)
/// and warns at the configured days before expiry — "renews automatically" while renewal can work, "needs a re-authorization" when it cannot.
/// </summary>
public sealed class CertificateLifecycle(
    CertificateRotation rotation,
    AlertDispatcher dispatcher,
    ITenantDirectory tenants,
    IOptions<HealthOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Time between automatic renewal attempts after one failed.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromHours(6);

    /// <summary>
    /// Renews or warns as due for the tenant's <paramref name="key"/> (its active key, as the caller read it); returns the
    /// health with what was done recorded (the caller saves it). Most reviews find nothing due and return at once.
    /// </summary>
    public async Task<TenantHealth> ReviewAsync(AccountId account, TenantHealth health, TenantKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (key?.NetSuiteCertificateId is null)
        {
            return health;
        }

        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var renewFrom = key.ValidUntil - settings.RenewalLeadTime;
        RotationOutcome? failed = null;
        if (now >= renewFrom && !(health.LastRenewalAttemptAt > now - RetryInterval))
        {
            health = health with { LastRenewalAttemptAt = now };
            var outcome = await rotation.RotateAsync(account, null, "renewal", cancellationToken).ConfigureAwait(false);
            if (outcome.Status == RotationStatus.Rotated)
            {
                var renewed = await tenants.NamedAsync(account, cancellationToken).ConfigureAwait(false);
                await dispatcher.BroadcastAsync(w => CertificateViews.Rotated(w, renewed, outcome), null, AlertKind.Update, cancellationToken).ConfigureAwait(false);
                return health with { LastRenewalAttemptAt = null, ExpiryWarnedDays = null, ExpiryWarnedCertificateId = null };
            }

            failed = outcome;
        }

        var threshold = DueWarning(health, key, now, settings);
        if (threshold is null)
        {
            return health;
        }

        var tenant = await tenants.NamedAsync(account, cancellationToken).ConfigureAwait(false);
        var view = failed is { Status: RotationStatus.NeedsReauthorization } || (failed is null && health.LastRenewalAttemptAt is not null)
            ? (Func<Wording, StepView>)(w => CertificateViews.NeedsReauthorization(w, tenant, key.ValidUntil, now, failed?.Error))
            : w => CertificateViews.RenewsAutomatically(w, tenant, key.ValidUntil, now > renewFrom ? now : renewFrom, now);
        // Each threshold deserves a notification, so every warning is a new message.
        await dispatcher.BroadcastAsync(view, null, AlertKind.Update, cancellationToken).ConfigureAwait(false);
        return health with { ExpiryWarnedDays = threshold, ExpiryWarnedCertificateId = key.NetSuiteCertificateId };
    }

    // The smallest threshold already reached and not yet announced for this certificate.
    private static int? DueWarning(TenantHealth health, TenantKey key, DateTimeOffset now, HealthOptions settings)
    {
        var left = key.ValidUntil - now;
        var warned = health.ExpiryWarnedCertificateId == key.NetSuiteCertificateId ? health.ExpiryWarnedDays : null;
        int? smallest = null;
        foreach (var days in settings.WarningDays)
        {
            if (left <= TimeSpan.FromDays(days))
            {
                smallest = days;
            }
        }

        return smallest is { } reached && (warned is null || reached < warned) ? reached : null;
    }
}
