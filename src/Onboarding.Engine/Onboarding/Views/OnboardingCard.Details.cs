using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

// The card's buttons (each carries the session or the account it acts on, so a press on an old card reaches the right
// onboarding) and the small facts several states share.
public sealed partial class OnboardingCard
{
    /// <summary>
    /// What a finished onboarding's card says about the admin access: that it was revoked only when NetSuite confirmed it,
    /// nothing when none was given — a card never states what did not happen.
    /// </summary>
    private static IEnumerable<string> AdminAccessOutcome(Wording w, OnboardingSession session, DateTimeOffset now)
    {
        if (session.AuthorizedAt is null)
        {
            yield break;
        }

        yield return (session.AdminAccessEndedAt, session.AdminAccessUntil) switch
        {
            (not null, _) => w.Say(nameof(Card_AccessRevoked)),
            (null, { } until) => w.Say(nameof(Card_AccessNotConfirmedUntil), w.Absolute(until, now)),
            _ => w.Say(nameof(Card_AccessNotConfirmed)),
        };
    }

    private Fact BundleFact(Wording w) => new(w.Say(nameof(Card_FactBundle)), w.Say(nameof(Card_FactBundleValue), Options.BundleName, Options.BundleId));

    // "1 hour", or "30 min" when the vendor shortened Onboarding:AdminAccessLifetime.
    private static string Lasts(Wording w, TimeSpan lifetime) =>
        lifetime >= TimeSpan.FromHours(1) ? w.Say(nameof(Card_OneHour)) : w.Say(nameof(Span_Minutes), (long)lifetime.TotalMinutes);

    private static string CouldNot(Wording w, int phase) => phase switch
    {
        1 => w.Say(nameof(Card_CouldNotAdminAccess)),
        2 => w.Say(nameof(Card_CouldNotBundle)),
        3 => w.Say(nameof(Card_CouldNotConnection)),
        _ => w.Say(nameof(Card_CouldNotFinish)),
    };

    /// <summary>The employee the certificate acts as: by name when it is the admin who authorized (the default mapping).</summary>
    private static string? MappedTo(Wording w, OnboardingSession session) => session.MappedEntityId switch
    {
        null => null,
        { } entity when entity == session.AuthorizedEntityId && session.AuthorizedByName is { Length: > 0 } name => w.Say(nameof(Card_NamedEmployee), name, entity),
        { } entity => w.Say(nameof(Card_Employee), entity),
    };

    private IReadOnlyList<ViewAction> BundleActions(Wording w, OnboardingSession session) =>
    [
        new OpenUrlAction(w.Say(nameof(Button_OpenInstallPage)), installLink.For(session.Account!.Value)),
        Submit(w, nameof(Button_IveInstalledIt), OnboardingVerbs.BundleCheck, session, ActionStyle.Primary),
        Submit(w, nameof(Button_Cancel), OnboardingVerbs.CancelSession, session),
    ];

    private static SubmitAction Submit(Wording w, string label, string verb, OnboardingSession session, ActionStyle style = ActionStyle.Default) =>
        new(w.Say(label), verb, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = session.Id.Value }, style);

    private static SubmitAction Restart(Wording w, OnboardingSession session) =>
        new(w.Say(nameof(Button_StartAgain)), OnboardingVerbs.Onboard, AccountData(session), ActionStyle.Primary);

    /// <summary>
    /// After a failure for good. When the account picked at sign-in is connected or being onboarded elsewhere, starting
    /// again with it leads to the same answer, so the way on is another account.
    /// </summary>
    private static SubmitAction RestartAfter(Wording w, OnboardingSession session, StepFailure failure) =>
        failure.Code is FlowCodes.AlreadyConnected or FlowCodes.AccountBusy
            ? new(w.Say(nameof(Button_OnboardAnother)), OnboardingVerbs.Onboard, new Dictionary<string, string>(), ActionStyle.Primary)
            : Restart(w, session);

    private static Dictionary<string, string> AccountData(OnboardingSession session) =>
        session.AccountText is { } account ? new() { [OnboardingVerbs.AccountKey] = account } : [];
}
