using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>Short one-off answers: refusals, "nothing to do", offboarding confirmation and result. Each offers a way on.</summary>
public static class ReplyViews
{
    private static readonly ViewAction HelpAction = new SubmitAction("Help", OnboardingVerbs.Help, new Dictionary<string, string>());

    public static StepView Notice(string title, string text, Tone tone = Tone.Neutral, params ViewAction[] actions) =>
        new(title, text, tone) { Body = [text], Actions = actions.Length == 0 ? [HelpAction] : actions };

    public static StepView StaffOnly(string command) => Notice(
        "That command is for the vendor's staff",
        $"'{command}' changes or shows every customer's connection, so only the vendor's operations staff may use it. Ask your {command} question to the vendor's support team.",
        Tone.Warning);

    public static StepView InvalidAccount(string error) => Notice("Which NetSuite account?", error, Tone.Warning);

    public static StepView NotYours() => Notice(
        "That button belongs to another conversation",
        "This onboarding was started somewhere else, so nothing was changed here. Type status to see the onboardings of this conversation.",
        Tone.Warning);

    public static StepView UnknownSession() => Notice(
        "That onboarding no longer exists",
        "The button refers to an onboarding I can't find, so nothing was changed. Type onboard to start a new one.",
        Tone.Warning);

    /// <summary>For staff: who holds the account, with a way to cancel it for those allowed to cancel anything.</summary>
    public static StepView AlreadyOnboarding(AccountId account, OnboardingSession open, bool canCancel) => Notice(
        $"{account} is already being onboarded",
        $"{open.StartedBy.Name} started it in another conversation. Finish or cancel that one first.",
        Tone.Warning,
        canCancel
            ? [new SubmitAction("Cancel that onboarding", OnboardingVerbs.CancelSession, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = open.Id.Value }, ActionStyle.Destructive)]
            : []);

    /// <summary>For a conversation that onboarded the account before: that it is busy, but not who or where.</summary>
    public static StepView AlreadyOnboardingElsewhere(AccountId account) => Notice(
        $"{account} is already being onboarded",
        "It is being onboarded in another conversation. Finish or cancel that one first, or ask the vendor's support team if it is stuck.",
        Tone.Warning);

    public static StepView NotYourOnboarding(OnboardingSession session) => Notice(
        "Only whoever started this onboarding can do that",
        $"That button stops or restarts the onboarding, so only {session.StartedBy.Name}, who started it, or the vendor's staff may press it. Nothing was changed.",
        Tone.Warning);

    public static StepView CancelledElsewhere(OnboardingSession session) => Notice(
        $"Onboarding of {session.AccountText ?? "an account not chosen yet"} cancelled",
        $"{session.StartedBy.Name} started it in another conversation; its card there now says it was cancelled.",
        Tone.Neutral);

    public static StepView AlreadyConnected(Tenant tenant) => Notice(
        $"{tenant.DisplayName} is already connected",
        "Nothing to do. Staff can rotate its certificate or offboard it.",
        Tone.Good,
        new SubmitAction("View status", OnboardingVerbs.Status, new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = tenant.Account.Value }));

    /// <summary>The question before offboarding; <paramref name="question"/> is the confirmation data both buttons carry.</summary>
    public static StepView ConfirmOffboard(Tenant tenant, IReadOnlyDictionary<string, string> question)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var data = ConfirmationCards.With(new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = tenant.Account.Value }, question);
        return new StepView(
            $"Offboard {tenant.DisplayName}?",
            $"Offboarding {tenant.DisplayName} revokes its certificate in NetSuite, erases its keys and stops monitoring.",
            Tone.Attention)
        {
            Heading = "This cannot be undone",
            Body =
            [
                "• The certificate is revoked in NetSuite, so the app can no longer sign in as this account.",
                "• Its private keys are erased here.",
                "• Health monitoring and alerts for it stop. Connecting again takes a new onboarding.",
            ],
            Actions =
            [
                new SubmitAction($"Offboard {tenant.Account}", OnboardingVerbs.OffboardConfirmed, data, ActionStyle.Destructive),
                new SubmitAction("Keep", OnboardingVerbs.OffboardKept, data),
            ],
        };
    }

    /// <summary>In place of the question while the certificates are revoked.</summary>
    public static StepView Offboarding(AccountId account, ChatUser by) => new(
        $"Offboarding {account}…",
        $"Offboarding {account}: revoking its certificate in NetSuite and erasing its keys.",
        Tone.Neutral)
    {
        Body = [$"{by.Name} confirmed. Revoking the certificate in NetSuite and erasing the keys — this takes a moment."],
    };

    /// <summary>In place of the question when Keep was pressed.</summary>
    public static StepView OffboardingKept(AccountId account, ChatUser by) => new(
        $"{account} stays connected",
        $"{account} stays connected; nothing was changed.",
        Tone.Good)
    {
        Body = [$"{by.Name} chose to keep it. Nothing was changed."],
    };

    public static StepView Offboarded(OffboardingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var facts = new List<Fact>();
        facts.AddRange(outcome.Revoked.Select(id => new Fact("Certificate revoked", id)));
        facts.AddRange(outcome.NotRevoked.Select(n => new Fact("Not revoked in NetSuite", n.CertificateId)));
        facts.Add(new Fact("Keys", "erased"));
        var account = new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = outcome.Account.Value };
        return new StepView(
            $"{outcome.Account} is offboarded",
            outcome.NotRevoked.Count == 0 ? $"{outcome.Account}: certificate revoked, keys erased." : $"{outcome.Account}: keys erased; a certificate must still be revoked in NetSuite.",
            outcome.NotRevoked.Count == 0 ? Tone.Good : Tone.Warning)
        {
            Body = outcome.NotRevoked.Count == 0
                ? ["The app can no longer reach this account. Monitoring has stopped."]
                :
                [
                    "The keys are erased, so the app can no longer sign in. NetSuite did not let the app's own role revoke the certificate listed below (its answer is in the small print).",
                    "To finish, press Sign in to revoke it: a NetSuite administrator signs in once, for one hour, and the app revokes it. Or revoke it by hand under Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials.",
                ],
            Facts = facts,
            Footnote = outcome.NotRevoked.Select(n => n.Error.Said).FirstOrDefault(s => s is not null),
            Actions = outcome.NotRevoked.Count == 0
                ? [new SubmitAction("Onboard again", OnboardingVerbs.Onboard, account)]
                :
                [
                    new SubmitAction(
                        "Sign in to revoke it",
                        OnboardingVerbs.RevokeWithAdmin,
                        new Dictionary<string, string>(account) { [OnboardingVerbs.CertificatesKey] = string.Join(' ', outcome.NotRevoked.Select(n => n.CertificateId)) },
                        ActionStyle.Primary),
                ],
        };
    }
}
