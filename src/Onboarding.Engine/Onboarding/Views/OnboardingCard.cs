using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// Draws the one living card of an onboarding (docs/cards.md): a checklist of the four steps heading it, the current step
/// expanded with what, why and at most three buttons, finished steps shrunk to their key fact, failures in three parts —
/// in the reader's language, times in the reader's zone (else the tenant's, else UTC).
/// </summary>
public sealed partial class OnboardingCard(IOptions<OnboardingOptions> options, BundleInstallLink installLink, OnboardingChecklist checklist, TimeProvider timeProvider)
{
    private OnboardingOptions Options => options.Value;

    public StepView Build(OnboardingSnapshot snapshot, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(wording);
        var w = wording.ForTenant(snapshot.Tenant?.TimeZone);
        var session = snapshot.Session;
        var now = timeProvider.GetUtcNow();
        var phase = PhaseOf(session.Step);
        var (heading, body, facts, actions, footnote, tone) = session.Status switch
        {
            SessionStatus.Completed => Completed(w, snapshot, now),
            SessionStatus.Cancelled => Cancelled(w, session, now),
            SessionStatus.Failed or SessionStatus.FailedPermanently => Failed(w, snapshot, phase, now),
            _ => Current(w, snapshot, phase, now),
        };

        return new StepView(Title(w, snapshot), $"{heading} — {body.FirstOrDefault() ?? string.Empty}".TrimEnd(' ', '—'), tone)
        {
            Subtitle = Subtitle(w, session, now),
            Checklist = checklist.Build(w, snapshot, phase, now),
            Heading = heading,
            Body = body,
            Facts = facts,
            Actions = actions,
            Footnote = footnote,
        };
    }

    /// <summary>
    /// The four phases of the flow: 1 admin access (sign-in and the pre-flight right after it), 2 bundle, 3 machine access,
    /// 4 finishing; 5 = all done.
    /// </summary>
    public static int PhaseOf(OnboardingStep step) => step switch
    {
        OnboardingStep.Started or OnboardingStep.AwaitingAuthorization or OnboardingStep.Authorized => 1,
        OnboardingStep.AwaitingBundle => 2,
        OnboardingStep.BundleVerified or OnboardingStep.EstablishingMachineAccess => 3,
        OnboardingStep.MachineAccessVerified or OnboardingStep.PostInstall => 4,
        _ => 5,
    };

    private static string Title(Wording w, OnboardingSnapshot snapshot)
    {
        var name = snapshot.Tenant?.CompanyName is { Length: > 0 } company
            ? $"{company} ({snapshot.Session.Account})"
            : snapshot.Session.AccountText;
        return snapshot.Session.Status switch
        {
            SessionStatus.Completed => w.Say(nameof(Card_TitleConnected), name ?? w.Say(nameof(Card_YourAccountCapital))),
            SessionStatus.Cancelled => w.Say(nameof(Card_TitleCancelled), name ?? w.Say(nameof(Card_YourAccount))),
            _ => name is null ? w.Say(nameof(Card_TitleNoAccount))
                : snapshot.Session.Reconnect ? w.Say(nameof(Card_TitleConnectAgain), name)
                : w.Say(nameof(Card_TitleConnect), name),
        };
    }

    private static string? Subtitle(Wording w, OnboardingSession session, DateTimeOffset now)
    {
        if (!session.SharedConversation)
        {
            return null;
        }

        var started = w.Say(nameof(Card_StartedBy), session.StartedBy.Name, w.Around(session.CreatedAt, now));
        return session.AuthorizedByName is { } by ? w.Say(nameof(Card_StartedAndAuthorizedBy), started, by) : started;
    }

    private Parts Current(Wording w, OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var app = Options.AppName;
        var lasts = Lasts(w, Options.AdminAccessLifetime);
        switch (phase)
        {
            case 1 when session.Step == OnboardingStep.Authorized:
                return Running(w, session, now, w.Say(nameof(Card_Step1Checking)), w.Say(nameof(Card_Step1CheckingWhy)));
            case 1:
                var link = snapshot.Link;
                return new Parts(
                    w.Say(nameof(Card_Step1), app, lasts),
                    [w.Say(nameof(Card_Step1Why), lasts)],
                    [
                        new Fact(w.Say(nameof(Card_FactRole)), w.Say(nameof(Card_FactRoleValue))),
                        new Fact(w.Say(nameof(Card_FactLasts)), lasts),
                        new Fact(w.Say(nameof(Card_FactScopes)), w.Say(nameof(Card_FactScopesValue))),
                    ],
                    [
                        link is null
                            ? Submit(w, nameof(Button_GetSignInLink), OnboardingVerbs.Retry, session, ActionStyle.Primary)
                            : new OpenUrlAction(w.Say(nameof(Button_AuthorizeInNetSuite)), link.Url),
                        Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session),
                    ],
                    link is null ? w.Say(nameof(Card_LinkGone)) : w.Say(nameof(Card_LinkOnce), w.Around(link.ExpiresAt, now)),
                    Tone.Neutral);
            case 2 when session.Status == SessionStatus.Running && session.IsBusy(now):
                return new Parts(
                    w.Say(nameof(Card_Step2Checking), Options.BundleName),
                    [w.Say(nameof(Card_Step2CheckingWhy))],
                    [],
                    [Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session)],
                    null,
                    Tone.Neutral);
            case 2:
                return new Parts(
                    w.Say(nameof(Card_Step2), Options.BundleName, Options.BundleVersion),
                    [w.Say(nameof(Card_Step2How), w.Say(nameof(Button_IveInstalledIt)))],
                    [BundleFact(w)],
                    BundleActions(w, session),
                    null,
                    Tone.Neutral);
            case 3:
                return Running(w, session, now, w.Say(nameof(Card_Step3)), w.Say(nameof(Card_Step3Why), app));
            default:
                return Running(w, session, now, w.Say(nameof(Card_Step4)), w.Say(nameof(Card_Step4Why)));
        }
    }

    private static Parts Running(Wording w, OnboardingSession session, DateTimeOffset now, string heading, string body)
    {
        // A running step whose lease ran out was interrupted (a restart); offer to pick it up again.
        var stalled = session.Status == SessionStatus.Running && !session.IsBusy(now);
        IReadOnlyList<ViewAction> actions = stalled
            ? [Submit(w, nameof(Button_Retry), OnboardingVerbs.Retry, session, ActionStyle.Primary), Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session)]
            : [Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session)];
        return new Parts(heading, stalled ? [body, w.Say(nameof(Card_Interrupted))] : [body], [], actions, null, Tone.Neutral);
    }

    private sealed record Parts(
        string Heading,
        IReadOnlyList<string> Body,
        IReadOnlyList<Fact> Facts,
        IReadOnlyList<ViewAction> Actions,
        string? Footnote,
        Tone Tone);
}
