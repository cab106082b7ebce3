using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>Short one-off answers: refusals, "nothing to do", offboarding confirmation and result. Each offers a way on.</summary>
public static class ReplyViews
{
    /// <summary>A short answer: a title and one sentence, with its buttons, or Help when it has none.</summary>
    public static StepView Notice(Wording w, string title, string text, Tone tone = Tone.Neutral, params ViewAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(actions);
        return new(title, text, tone) { Body = [text], Actions = actions.Length == 0 ? [new SubmitAction(w.Say(nameof(Button_Help)), OnboardingVerbs.Help, new Dictionary<string, string>())] : actions };
    }

    /// <summary>A short answer whose title and sentence are texts of <c>Texts.resx</c>.</summary>
    public static StepView Notice(Wording w, Phrase title, Phrase text, Tone tone = Tone.Neutral, params ViewAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(w);
        return Notice(w, w.Say(title), w.Say(text), tone, actions);
    }

    public static StepView StaffOnly(Wording w, string command) =>
        Notice(w, Phrase.Of(nameof(Reply_StaffOnlyTitle)), Phrase.Of(nameof(Reply_StaffOnly), command), Tone.Warning);

    public static StepView InvalidAccount(Wording w, Phrase error) =>
        Notice(w, Phrase.Of(nameof(Reply_WhichAccount)), error, Tone.Warning);

    public static StepView NotYours(Wording w) =>
        Notice(w, Phrase.Of(nameof(Reply_NotYoursTitle)), Phrase.Of(nameof(Reply_NotYours)), Tone.Warning);

    public static StepView UnknownSession(Wording w) =>
        Notice(w, Phrase.Of(nameof(Reply_UnknownSessionTitle)), Phrase.Of(nameof(Reply_UnknownSession)), Tone.Warning);

    /// <summary>For staff: who holds the account, with a way to cancel it for those allowed to cancel anything.</summary>
    public static StepView AlreadyOnboarding(Wording w, AccountId account, OnboardingSession open, bool canCancel)
    {
        ArgumentNullException.ThrowIfNull(open);
        return Notice(
            w,
            Phrase.Of(nameof(Reply_AlreadyOnboardingTitle), account.Value),
            Phrase.Of(nameof(Reply_AlreadyOnboarding), open.StartedBy.Name),
            Tone.Warning,
            canCancel
                ? [new SubmitAction(w.Say(nameof(Button_CancelThatOnboarding)), OnboardingVerbs.CancelSession, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = open.Id.Value }, ActionStyle.Destructive)]
                : []);
    }

    /// <summary>For a conversation that onboarded the account before: that it is busy, but not who or where.</summary>
    public static StepView AlreadyOnboardingElsewhere(Wording w, AccountId account) =>
        Notice(w, Phrase.Of(nameof(Reply_AlreadyOnboardingTitle), account.Value), Phrase.Of(nameof(Reply_AlreadyOnboardingElsewhere)), Tone.Warning);

    public static StepView NotYourOnboarding(Wording w, OnboardingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Notice(w, Phrase.Of(nameof(Reply_NotYourOnboardingTitle)), Phrase.Of(nameof(Reply_NotYourOnboarding), session.StartedBy.Name), Tone.Warning);
    }

    public static StepView CancelledElsewhere(Wording w, OnboardingSession session)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(session);
        return Notice(
            w,
            Phrase.Of(nameof(Card_TitleCancelled), session.AccountText is { } account ? account : Phrase.Of(nameof(Reply_AccountNotChosen))),
            Phrase.Of(nameof(Reply_CancelledElsewhere), session.StartedBy.Name),
            Tone.Neutral);
    }

    public static StepView AlreadyConnected(Wording w, Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tenant);
        return Notice(
            w,
            Phrase.Of(nameof(Reply_AlreadyConnectedTitle), tenant.DisplayName),
            Phrase.Of(nameof(Reply_AlreadyConnected)),
            Tone.Good,
            new SubmitAction(w.Say(nameof(Button_ViewStatus)), OnboardingVerbs.Status, new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = tenant.Account.Value }));
    }

    /// <summary>The question before offboarding; <paramref name="question"/> is the confirmation data both buttons carry.</summary>
    public static StepView ConfirmOffboard(Wording w, Tenant tenant, IReadOnlyDictionary<string, string> question)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tenant);
        var data = ConfirmationCards.With(new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = tenant.Account.Value }, question);
        return new StepView(w.Say(nameof(Reply_ConfirmOffboardTitle), tenant.DisplayName), w.Say(nameof(Reply_ConfirmOffboard), tenant.DisplayName), Tone.Attention)
        {
            Heading = w.Say(nameof(Reply_CannotBeUndone)),
            Body =
            [
                w.Say(nameof(Reply_OffboardRevokes)),
                w.Say(nameof(Reply_OffboardErases)),
                w.Say(nameof(Reply_OffboardStops)),
            ],
            Actions =
            [
                new SubmitAction(w.Say(nameof(Button_OffboardAccount), tenant.Account.Value), OnboardingVerbs.OffboardConfirmed, data, ActionStyle.Destructive),
                new SubmitAction(w.Say(nameof(Button_Keep)), OnboardingVerbs.OffboardKept, data),
            ],
        };
    }

    /// <summary>In place of the question while the certificates are revoked.</summary>
    public static StepView Offboarding(Wording w, AccountId account, ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(by);
        return new(w.Say(nameof(Reply_OffboardingTitle), account.Value), w.Say(nameof(Reply_OffboardingSummary), account.Value), Tone.Neutral)
        {
            Body = [w.Say(nameof(Reply_Offboarding), by.Name)],
        };
    }

    /// <summary>In place of the question when Keep was pressed.</summary>
    public static StepView OffboardingKept(Wording w, AccountId account, ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(by);
        return new(w.Say(nameof(Reply_StaysConnectedTitle), account.Value), w.Say(nameof(Reply_StaysConnected), account.Value), Tone.Good)
        {
            Body = [w.Say(nameof(Reply_ChoseToKeep), by.Name)],
        };
    }

    public static StepView Offboarded(Wording w, OffboardingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(outcome);
        var facts = new List<Fact>();
        facts.AddRange(outcome.Revoked.Select(id => new Fact(w.Say(nameof(Fact_CertificateRevoked)), id)));
        facts.AddRange(outcome.NotRevoked.Select(n => new Fact(w.Say(nameof(Fact_NotRevoked)), n.CertificateId)));
        facts.Add(new Fact(w.Say(nameof(Fact_Keys)), w.Say(nameof(Fact_KeysErased))));
        var account = outcome.Account.Value;
        var data = new Dictionary<string, string> { [OnboardingVerbs.AccountKey] = account };
        var complete = outcome.NotRevoked.Count == 0;
        return new StepView(
            w.Say(nameof(Reply_OffboardedTitle), account),
            complete ? w.Say(nameof(Reply_OffboardedSummary), account) : w.Say(nameof(Reply_OffboardedPartlySummary), account),
            complete ? Tone.Good : Tone.Warning)
        {
            Body = complete
                ? [w.Say(nameof(Reply_Offboarded))]
                : [w.Say(nameof(Reply_OffboardedPartly)), w.Say(nameof(Reply_OffboardedPartlyToDo))],
            Facts = facts,
            Footnote = w.NetSuiteSaid(outcome.NotRevoked.Select(n => n.Error.Said).FirstOrDefault(s => s is not null)),
            Actions = complete
                ? [new SubmitAction(w.Say(nameof(Button_OnboardAgain)), OnboardingVerbs.Onboard, data)]
                :
                [
                    new SubmitAction(
                        w.Say(nameof(Button_SignInToRevoke)),
                        OnboardingVerbs.RevokeWithAdmin,
                        new Dictionary<string, string>(data) { [OnboardingVerbs.CertificatesKey] = string.Join(' ', outcome.NotRevoked.Select(n => n.CertificateId)) },
                        ActionStyle.Primary),
                ],
        };
    }
}
