using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// The status table: account, company, its state, when it started, certificate expiry; at most ten rows. With health
/// monitoring installed, a connected tenant's state is its health and last check.
/// What the tenant itself looks like (company, connection, certificate) is shown only for onboardings NetSuite
/// authorized: one that never reached consent proves nothing about the account, so it shows only its own progress
/// (docs/security.md). Read first (<see cref="ReadAsync"/>), then drawn in the reader's language (<see cref="Build"/>);
/// each row's times are in the reader's zone, else that tenant's, else UTC.
/// </summary>
public sealed class StatusBoard(Database database, TenantStore tenants, TenantKeyStore keys, TimeProvider timeProvider, HealthStatusReader? health = null)
{
    public const int MaxRows = 10;

    /// <summary>What the table shows about each of the first <see cref="MaxRows"/> sessions.</summary>
    public async Task<IReadOnlyList<StatusRow>> ReadAsync(IReadOnlyList<OnboardingSession> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var shown = sessions.Take(MaxRows).ToList();
        if (shown.Count == 0)
        {
            return [];
        }

        var healthOf = health is null
            ? new Dictionary<AccountId, TenantHealthStatus>()
            : await health.ReadAsync(shown.Select(ProvenAccount).OfType<AccountId>(), cancellationToken).ConfigureAwait(false);
        var rows = new List<StatusRow>();
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        foreach (var session in shown)
        {
            var proven = ProvenAccount(session);
            var tenant = proven is { } a ? await tenants.FindAsync(read, a, cancellationToken).ConfigureAwait(false) : null;
            var key = proven is { } b
                ? (await keys.LiveKeysAsync(read, b, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Status == TenantKeyStatus.Active)
                : null;
            rows.Add(new StatusRow(session, tenant, key, proven is { } c ? healthOf.GetValueOrDefault(c) : null));
        }

        return rows;
    }

    /// <summary>The table of <paramref name="rows"/> (read for <paramref name="sessions"/>) in the reader's language.</summary>
    public StepView Build(Wording w, Phrase title, IReadOnlyList<OnboardingSession> sessions, IReadOnlyList<StatusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(rows);
        var heading = w.Say(title);
        if (sessions.Count == 0)
        {
            return ReplyViews.Notice(w, heading, w.Say(nameof(Status_None)), Tone.Neutral,
                new SubmitAction(w.Say(nameof(Button_StartOnboarding)), OnboardingVerbs.Onboard, new Dictionary<string, string>(), ActionStyle.Primary));
        }

        var now = timeProvider.GetUtcNow();

        // A single account already connected or still being onboarded needs no new onboarding; next to a list (or a
        // cancelled, failed or offboarded one) the button says it is for another account.
        var settled = sessions.Count == 1 && rows.Count == 1 && rows[0] is var only
            && (only.Session.Status.IsOpen() || (only.Session.Status == SessionStatus.Completed && only.Tenant?.Status != TenantStatus.Offboarded));
        var cells = rows.Select(r =>
        {
            var tw = w.ForTenant(r.Tenant?.TimeZone);
            return (IReadOnlyList<string>)
            [
                r.Session.AccountText ?? w.Say(nameof(Status_NotChosen)),
                r.Tenant?.CompanyName ?? "—",
                WhereItStands(tw, r, now),
                tw.Around(r.Session.CreatedAt, now),
                r.Key is null ? "—" : tw.Date(r.Key.ValidUntil),
            ];
        }).ToList();

        var more = sessions.Count > MaxRows ? w.Say(nameof(Status_More), sessions.Count - MaxRows) : null;
        var summary = w.Say(nameof(Status_Count), sessions.Count);
        return new StepView(heading, more is null ? summary : $"{summary} {more}")
        {
            Table = new ViewTable(
                [w.Say(nameof(Status_Account)), w.Say(nameof(Status_Company)), w.Say(nameof(Status_State)), w.Say(nameof(Status_Started)), w.Say(nameof(Status_CertificateExpires))],
                cells),
            Body = more is null ? [] : [more],
            Actions = settled ? [] : [new SubmitAction(w.Say(nameof(Button_OnboardAnother)), OnboardingVerbs.Onboard, new Dictionary<string, string>())],
        };
    }

    /// <summary>The session's account when NetSuite authorized the session, the only proof that it speaks for that account.</summary>
    private static AccountId? ProvenAccount(OnboardingSession session) => session.AuthorizedAt is null ? null : session.Account;

    private static string WhereItStands(Wording w, StatusRow row, DateTimeOffset now)
    {
        var session = row.Session;
        if (row.Tenant?.Status == TenantStatus.Offboarded && session.Status is SessionStatus.Completed)
        {
            return w.Say(nameof(Status_Offboarded));
        }

        var phase = OnboardingCard.PhaseOf(session.Step);
        return session.Status switch
        {
            SessionStatus.Completed when row.Health is { State: not null, LastCheckAt: { } checkedAt } connection =>
                w.Say(nameof(Status_Checked), connection.Badge(w), w.Around(checkedAt, now)),
            SessionStatus.Completed => w.Say(nameof(Status_Connected)),
            SessionStatus.Cancelled => w.Say(nameof(Status_Cancelled)),
            SessionStatus.FailedPermanently => w.Say(nameof(Status_StoppedAt), phase),
            SessionStatus.Failed => w.Say(nameof(Status_Failed), phase),
            SessionStatus.Running => w.Say(nameof(Status_Running), phase),
            _ => w.Say(phase == 1 ? nameof(Status_WaitingSignIn) : nameof(Status_WaitingBundle)),
        };
    }
}

/// <summary>What the status table knows about one session: its tenant, active key and health, where NetSuite authorized it.</summary>
public sealed record StatusRow(OnboardingSession Session, Tenant? Tenant, TenantKey? Key, TenantHealthStatus? Health);
