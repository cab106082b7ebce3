using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Operations;

/// <summary>
/// The operations cards: an account's audit trail, and erasing an account (confirmation and result). Audit entries are
/// shown as recorded (actions, outcomes and details are the log's own words) with UTC timestamps.
/// </summary>
public static class OperationsViews
{
    private const int DetailLength = 90;

    public static StepView AuditTrail(Wording w, AccountId account, IReadOnlyList<AuditRecord> latest, AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(verification);
        var chain = verification.Intact
            ? w.Say(nameof(Audit_Intact), verification.Verified)
            : w.Say(nameof(Audit_Tampered), verification.Problem);
        var facts = new List<Fact> { new(w.Say(nameof(Audit_Chain)), chain) };
        if (verification.Unchained > 0)
        {
            facts.Add(new Fact(w.Say(nameof(Audit_Older)), w.Say(nameof(Audit_OlderValue), verification.Unchained)));
        }

        return new StepView(
            w.Say(nameof(Audit_Title), account.Value),
            latest.Count == 0 ? w.Say(nameof(Audit_NoneSummary), account.Value) : w.Say(nameof(Audit_Summary), latest.Count, account.Value),
            verification.Intact ? Tone.Neutral : Tone.Attention)
        {
            Heading = latest.Count == 0 ? w.Say(nameof(Audit_NothingRecorded)) : w.Say(nameof(Audit_Latest), latest.Count),
            Body = latest.Count == 0 ? [w.Say(nameof(Audit_NothingRecordedWhy))] : [],
            Facts = facts,
            Table = latest.Count == 0
                ? null
                : new ViewTable(
                    [w.Say(nameof(Audit_When)), w.Say(nameof(Audit_Who)), w.Say(nameof(Audit_What)), w.Say(nameof(Audit_Outcome)), w.Say(nameof(Audit_Detail))],
                    [.. latest.Select(r => (IReadOnlyList<string>)[r.AtText, r.Entry.Actor, r.Entry.Action, r.Entry.Outcome, Shorten(r.Entry.Detail)])]),
            Footnote = w.Say(nameof(Audit_Footnote)),
        };
    }

    public static StepView ConfirmErase(Wording w, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Say(nameof(Erase_ConfirmTitle), account.Value), w.Say(nameof(Erase_Confirm), account.Value), Tone.Attention)
        {
            Heading = w.Say(nameof(Reply_CannotBeUndone)),
            Body =
            [
                w.Say(nameof(Erase_Cancels)),
                w.Say(nameof(Erase_Deletes)),
                w.Say(nameof(Erase_Remains)),
            ],
            Actions =
            [
                new SubmitAction(w.Say(nameof(Button_EraseAccount), account.Value), OperationsVerbs.EraseConfirmed, AccountData(account), ActionStyle.Destructive),
                new SubmitAction(w.Say(nameof(Button_Keep)), OperationsVerbs.EraseKept, AccountData(account)),
            ],
        };
    }

    public static StepView NothingToErase(Wording w, AccountId account) =>
        ReplyViews.Notice(w, Phrase.Of(nameof(Erase_NothingTitle), account.Value), Phrase.Of(nameof(Erase_Nothing)));

    public static StepView EraseKept(Wording w, AccountId account) =>
        ReplyViews.Notice(w, Phrase.Of(nameof(Erase_KeptTitle), account.Value), Phrase.Of(nameof(Reply_NothingChanged)), Tone.Good);

    public static StepView Erased(Wording w, ErasureOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(outcome);
        var facts = new List<Fact>();
        facts.AddRange(outcome.Revoked.Select(id => new Fact(w.Say(nameof(Fact_CertificateRevoked)), id)));
        facts.AddRange(outcome.NotRevoked.Select(n => new Fact(w.Say(nameof(Fact_NotRevoked)), w.Say(nameof(Fact_NotRevokedWhy), n.CertificateId, n.Error.Explanation))));
        facts.Add(new Fact(w.Say(nameof(Erase_AdminTokensRevoked)), w.Number(outcome.AdminTokensRevoked)));
        facts.Add(new Fact(w.Say(nameof(Erase_RecordsDeleted)), w.Number(outcome.Removed.Values.Sum())));
        var complete = outcome.NotRevoked.Count == 0;
        var account = outcome.Account.Value;
        return new StepView(
            w.Say(nameof(Erase_DoneTitle), account),
            complete ? w.Say(nameof(Erase_DoneSummary), account) : w.Say(nameof(Erase_PartlySummary), account),
            complete ? Tone.Good : Tone.Warning)
        {
            Body = complete ? [w.Say(nameof(Erase_Done))] : [w.Say(nameof(Erase_Partly))],
            Facts = facts,
            Footnote = w.NetSuiteSaid(outcome.NotRevoked.Select(n => n.Error.Said).FirstOrDefault(s => s is not null)),
        };
    }

    private static Dictionary<string, string> AccountData(AccountId account) => new() { [Onboarding.OnboardingVerbs.AccountKey] = account.Value };

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= DetailLength ? text : text[..DetailLength] + "…";
}
