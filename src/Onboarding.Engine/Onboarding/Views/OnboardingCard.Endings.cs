using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

// How an onboarding's card reads once the current step failed, or the whole onboarding completed or was cancelled.
public sealed partial class OnboardingCard
{
    private Parts Failed(Wording w, OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var failure = session.Failure ?? StepFailure.Unknown;
        var said = w.NetSuiteSaid(failure.Said);
        if (session.Status == SessionStatus.FailedPermanently)
        {
            return new Parts(
                CouldNot(w, phase),
                [w.Say(failure.Reason), w.Say(failure.ToDo), .. AdminAccessOutcome(w, session, now)],
                [],
                [RestartAfter(w, session, failure)],
                said,
                Tone.Attention);
        }

        if (failure.Code == FlowCodes.BundleNotInstalled)
        {
            return new Parts(
                w.Say(nameof(Card_Step2Again), Options.BundleName, Options.BundleVersion),
                [w.Say(failure.Reason), w.Say(failure.ToDo)],
                [BundleFact(w)],
                BundleActions(w, session),
                said,
                Tone.Warning);
        }

        var retryLabel = session.NeedsNewSignIn ? nameof(Button_SignInAgain) : nameof(Button_Retry);
        IReadOnlyList<ViewAction> actions = failure.Code switch
        {
            FlowCodes.MachineTokenRefused =>
            [
                Submit(w, nameof(Button_Retry), OnboardingVerbs.Retry, session, ActionStyle.Primary),
                Submit(w, nameof(Button_ReplaceCertificate), OnboardingVerbs.ReplaceCertificate, session),
                Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session),
            ],
            FlowCodes.PreflightFailed =>
            [
                Submit(w, nameof(Button_SignInAgain), OnboardingVerbs.SignInAgain, session, ActionStyle.Primary),
                Submit(w, nameof(Button_Retry), OnboardingVerbs.Retry, session),
                Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session),
            ],
            _ => [Submit(w, retryLabel, OnboardingVerbs.Retry, session, ActionStyle.Primary), Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session)],
        };
        return new Parts(
            failure.Code == FlowCodes.PreflightFailed ? w.Say(nameof(Card_Step1RoleCannot)) : CouldNot(w, phase),
            [w.Say(failure.Reason), w.Say(failure.ToDo)],
            [],
            actions,
            said,
            Tone.Attention);
    }

    private Parts Completed(Wording w, OnboardingSnapshot snapshot, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var key = snapshot.Key;
        var facts = new List<Fact>
        {
            new(w.Say(nameof(Card_FactConnection)), w.Say(nameof(Card_FactConnectionValue), session.AppRoleName ?? Options.RoleScriptId, session.AppRoleId)),
        };
        if (key?.NetSuiteCertificateId is { } certificateId)
        {
            facts.Add(new Fact(w.Say(nameof(Card_FactCertificate)), w.Say(nameof(Card_FactCertificateValue), certificateId, key.Algorithm.Display(), w.Date(key.ValidUntil))));
        }

        if (MappedTo(w, session) is { } person)
        {
            facts.Add(new Fact(w.Say(nameof(Card_FactActsAs)), person));
        }

        facts.Add(new Fact(w.Say(nameof(Card_FactHealth)), w.Say(nameof(Card_FactHealthValue))));
        if (session.AdminAccessEndedAt is { } ended)
        {
            facts.Add(new Fact(w.Say(nameof(Card_FactAdminAccess)), w.Say(nameof(Card_FactAdminAccessRevoked), w.Absolute(ended, now))));
        }
        else if (session.AdminAccessUntil is { } until)
        {
            facts.Add(new Fact(w.Say(nameof(Card_FactAdminAccess)), w.Say(nameof(Card_FactAdminAccessNotConfirmed), w.Absolute(until, now))));
        }

        return new Parts(
            w.Say(nameof(Card_AllDone)),
            [w.Say(nameof(Card_AllDoneWhy), Options.AppName)],
            facts,
            [
                new SubmitAction(w.Say(nameof(Button_ViewStatus)), OnboardingVerbs.Status, AccountData(session), ActionStyle.Primary),
                new SubmitAction(w.Say(nameof(Button_SetUpAlerts)), OnboardingVerbs.Alerts, new Dictionary<string, string> { [OnboardingVerbs.ModeKey] = "here" }),
            ],
            null,
            Tone.Good);
    }

    private static Parts Cancelled(Wording w, OnboardingSession session, DateTimeOffset now) => new(
        w.Say(nameof(Card_Cancelled)),
        [string.Join(' ', [w.Say(nameof(Card_CancelledWhy)), .. AdminAccessOutcome(w, session, now)])],
        [],
        [Restart(w, session)],
        null,
        Tone.Neutral);
}
