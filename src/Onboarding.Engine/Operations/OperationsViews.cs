using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Operations;

/// <summary>The operations cards: an account's audit trail, and erasing an account (confirmation and result).</summary>
public static class OperationsViews
{
    private const int DetailLength = 90;

    public static StepView AuditTrail(AccountId account, IReadOnlyList<AuditRecord> latest, AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(verification);
        var chain = verification.Intact
            ? $"intact ({verification.Verified} entries checked)"
            : $"TAMPERED: {verification.Problem}";
        var facts = new List<Fact> { new("Hash chain", chain) };
        if (verification.Unchained > 0)
        {
            facts.Add(new Fact("Older entries", $"{verification.Unchained} written before the chain existed (not checkable)"));
        }

        return new StepView(
            $"Audit log of {account}",
            latest.Count == 0 ? $"No audit entries about {account}." : $"The latest {latest.Count} audit entries about {account}, newest first.",
            verification.Intact ? Tone.Neutral : Tone.Attention)
        {
            Heading = latest.Count == 0 ? "Nothing recorded" : $"Latest {latest.Count} entries, newest first (UTC)",
            Body = latest.Count == 0 ? ["Nothing has been recorded about this account, or its entries have passed their retention."] : [],
            Facts = facts,
            Table = latest.Count == 0
                ? null
                : new ViewTable(
                    ["When", "Who", "What", "Outcome", "Detail"],
                    [.. latest.Select(r => (IReadOnlyList<string>)[r.AtText, r.Entry.Actor, r.Entry.Action, r.Entry.Outcome, Shorten(r.Entry.Detail)])]),
            Footnote = "Every entry, as CSV or JSON lines: run audit-export on the bot's host (docs/operations.md).",
        };
    }

    public static StepView ConfirmErase(AccountId account) => new(
        $"Erase {account}?",
        $"Erasing {account} revokes its access in NetSuite and deletes everything stored about it and its people.",
        Tone.Attention)
    {
        Heading = "This cannot be undone",
        Body =
        [
            "• An onboarding under way is cancelled; admin access and every certificate are revoked in NetSuite.",
            "• Every record of the account is deleted: onboardings, names, keys, health history and its audit entries.",
            "• One audit entry remains: that the account was erased, by whom and when.",
        ],
        Actions =
        [
            new SubmitAction($"Erase {account}", OperationsVerbs.EraseConfirmed, AccountData(account), ActionStyle.Destructive),
            new SubmitAction("Keep", OperationsVerbs.EraseKept, AccountData(account)),
        ],
    };

    public static StepView NothingToErase(AccountId account) =>
        ReplyViews.Notice($"Nothing stored about {account}", "There is nothing to erase. Check the account id, or type status to see every tenant.");

    public static StepView EraseKept(AccountId account) =>
        ReplyViews.Notice($"{account} is kept", "Nothing was changed.", Tone.Good);

    public static StepView Erased(ErasureOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var facts = new List<Fact>();
        facts.AddRange(outcome.Revoked.Select(id => new Fact("Certificate revoked", id)));
        facts.AddRange(outcome.NotRevoked.Select(n => new Fact("Not revoked in NetSuite", $"{n.CertificateId} — {n.Error.Explanation}")));
        facts.Add(new Fact("Admin tokens revoked", outcome.AdminTokensRevoked.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        facts.Add(new Fact("Records deleted", outcome.Removed.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var complete = outcome.NotRevoked.Count == 0;
        return new StepView(
            $"{outcome.Account} is erased",
            complete ? $"{outcome.Account}: access revoked and every record deleted." : $"{outcome.Account}: every record deleted; a certificate must still be revoked in NetSuite.",
            complete ? Tone.Good : Tone.Warning)
        {
            Body = complete
                ? ["Nothing about this account or its people is stored any more, except the audit entry that it was erased."]
                : ["Every record is deleted, and without its key the app can no longer sign in. NetSuite did not let us revoke the certificate listed below; a NetSuite administrator can revoke it under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials."],
            Facts = facts,
            Footnote = outcome.NotRevoked.Select(n => n.Error.Said).FirstOrDefault(s => s is not null),
        };
    }

    private static Dictionary<string, string> AccountData(AccountId account) => new() { [Onboarding.OnboardingVerbs.AccountKey] = account.Value };

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= DetailLength ? text : text[..DetailLength] + "…";
}
