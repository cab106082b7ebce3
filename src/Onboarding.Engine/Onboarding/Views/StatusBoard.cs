using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// The status table: account, company, its state, when it started, certificate expiry; at most ten rows. With health
/// monitoring installed, a connected tenant's state is its health and last check.
/// What the tenant itself looks like (company, connection, certificate) is shown only for onboardings NetSuite
/// authorized: one that never reached consent proves nothing about the account, so it shows only its own progress
/// (docs/security.md).
/// </summary>
public sealed class StatusBoard(Database database, TenantStore tenants, TenantKeyStore keys, TimeProvider timeProvider, HealthStatusReader? health = null)
{
    public const int MaxRows = 10;

    public async Task<StepView> BuildAsync(string title, IReadOnlyList<OnboardingSession> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return ReplyViews.Notice(title, "No onboardings yet. Type onboard to connect a NetSuite account.", Tone.Neutral,
                new SubmitAction("Start onboarding", OnboardingVerbs.Onboard, new Dictionary<string, string>(), ActionStyle.Primary));
        }

        var now = timeProvider.GetUtcNow();
        var shown = sessions.Take(MaxRows).ToList();
        var healthOf = health is null
            ? new Dictionary<AccountId, TenantHealthStatus>()
            : await health.ReadAsync(shown.Select(ProvenAccount).OfType<AccountId>(), cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyList<string>>();
        // A single account already connected or still being onboarded needs no new onboarding; next to a list (or a
        // cancelled, failed or offboarded one) the button says it is for another account.
        var settled = false;
        await using (var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false))
        {
            foreach (var session in shown)
            {
                var proven = ProvenAccount(session);
                var tenant = proven is { } a ? await tenants.FindAsync(read, a, cancellationToken).ConfigureAwait(false) : null;
                var key = proven is { } b
                    ? (await keys.LiveKeysAsync(read, b, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Status == TenantKeyStatus.Active)
                    : null;
                settled = sessions.Count == 1 && (session.Status.IsOpen() || (session.Status == SessionStatus.Completed && tenant?.Status != TenantStatus.Offboarded));
                rows.Add(
                [
                    session.AccountText ?? "(not chosen yet)",
                    tenant?.CompanyName ?? "—",
                    WhereItStands(session, tenant, proven is { } c ? healthOf.GetValueOrDefault(c) : null, now),
                    TimeWording.Around(session.CreatedAt, now),
                    key is null ? "—" : TimeWording.Date(key.ValidUntil),
                ]);
            }
        }

        var more = sessions.Count > MaxRows ? $" and {sessions.Count - MaxRows} more — type status <account> for one." : string.Empty;
        return new StepView(title, $"{sessions.Count} onboarding(s).{more}")
        {
            Table = new ViewTable(["Account", "Company", "State", "Started", "Certificate expires"], rows),
            Body = more.Length == 0 ? [] : [more.Trim()],
            Actions = settled ? [] : [new SubmitAction("Onboard another account", OnboardingVerbs.Onboard, new Dictionary<string, string>())],
        };
    }

    /// <summary>The session's account when NetSuite authorized the session, the only proof that it speaks for that account.</summary>
    private static AccountId? ProvenAccount(OnboardingSession session) => session.AuthorizedAt is null ? null : session.Account;

    private static string WhereItStands(OnboardingSession session, Tenant? tenant, TenantHealthStatus? connection, DateTimeOffset now)
    {
        if (tenant?.Status == TenantStatus.Offboarded && session.Status is SessionStatus.Completed)
        {
            return "offboarded";
        }

        var phase = OnboardingCard.PhaseOf(session.Step);
        return session.Status switch
        {
            SessionStatus.Completed when connection is { State: not null, LastCheckAt: { } checkedAt } => $"{connection.Badge} · checked {TimeWording.Around(checkedAt, now)}",
            SessionStatus.Completed => "🟢 connected",
            SessionStatus.Cancelled => "cancelled",
            SessionStatus.FailedPermanently => $"✗ stopped at step {phase} of 4",
            SessionStatus.Failed => $"✗ step {phase} of 4 failed — retry on its card",
            SessionStatus.Running => $"⏳ step {phase} of 4 running",
            _ => phase == 1 ? "step 1 of 4 — waiting for sign-in" : "step 2 of 4 — waiting for the bundle install",
        };
    }
}
