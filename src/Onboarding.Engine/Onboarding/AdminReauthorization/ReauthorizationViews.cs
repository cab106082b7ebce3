using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>The re-authorization card, updated in place from the request to its result.</summary>
public static class ReauthorizationViews
{
    /// <summary>Card data key for a re-authorization's id.</summary>
    public const string IdKey = "reauthorization";

    public static CardSlot Slot(string id) => new($"reauthorization/{id}");

    public static StepView Requested(Wording w, Reauthorization r, Phrase purpose, Uri link, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        return new(w.Say(nameof(Reauthorization_Title), r.Account.Value, purpose), w.Say(nameof(Reauthorization_Summary), r.Account.Value), Tone.Attention)
        {
            Body =
            [
                w.Say(nameof(Reauthorization_How), r.Account.Value, purpose),
                w.Say(nameof(Card_LinkOnce), w.Around(expiresAt, now)),
            ],
            Actions = [new OpenUrlAction(w.Say(nameof(Button_AuthorizeInNetSuite)), link), Button(w, nameof(Button_Cancel), ReauthorizationVerbs.Cancel, r)],
        };
    }

    public static StepView Running(Wording w, Reauthorization r, Phrase purpose)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        return new(w.Say(nameof(Reauthorization_RunningTitle), r.Account.Value), w.Say(nameof(Reauthorization_Running), purpose), Tone.Neutral);
    }

    /// <summary>
    /// The outcome. A failure says which account, what went wrong and what to do next, with the button that does it. What
    /// it says of the admin access is what NetSuite confirmed (<see cref="AccessEnd"/>).
    /// </summary>
    public static StepView Finished(Wording w, Reauthorization r, Phrase purpose, ReauthorizationResult result, bool accessRevoked)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(result);
        var facts = new List<Fact>(result.Facts.Select(f => new Fact(w.Say(f.Name), w.Say(f.Value))))
        {
            new(w.Say(nameof(Card_FactAdminAccess)), w.Say(accessRevoked ? nameof(Reauthorization_AccessRevokedFact) : nameof(Reauthorization_AccessErasedFact))),
        };
        var summary = w.Say(result.Summary);
        var accessEnd = w.Say(AccessEnd(accessRevoked));
        if (result.Succeeded)
        {
            return new StepView(w.Say(nameof(Reauthorization_DoneTitle), r.Account.Value, purpose), w.Say(nameof(Reauthorization_Outcome), r.Account.Value, summary, accessEnd), Tone.Good)
            {
                Body = [summary],
                Facts = facts,
                Footnote = w.NetSuiteSaid(result.Said),
            };
        }

        var toDo = w.Say(nameof(Reauthorization_FailedToDo));
        return new StepView(
            w.Say(nameof(Reauthorization_FailedTitle), r.Account.Value, purpose),
            w.Say(nameof(Reauthorization_Outcome), r.Account.Value, $"{summary} {toDo}", accessEnd),
            Tone.Warning)
        {
            Body = [summary, toDo],
            Facts = facts,
            Footnote = w.NetSuiteSaid(result.Said),
            Actions = [Button(w, nameof(Button_ReauthorizeAgain), ReauthorizationVerbs.Renew, r, ActionStyle.Primary)],
        };
    }

    /// <summary>What may be said about the one-hour access once the job is over: "revoked" only when NetSuite confirmed it.</summary>
    public static Phrase AccessEnd(bool revoked) => Phrase.Of(revoked ? nameof(Reauthorization_AccessRevoked) : nameof(Reauthorization_AccessNotConfirmed));

    /// <summary>The link was not used as meant: denied, expired, another account, or NetSuite refused the code.</summary>
    public static StepView Stopped(Wording w, Reauthorization r, Phrase purpose, Phrase reason)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        var said = w.Say(reason);
        return new(w.Say(nameof(Reauthorization_StoppedTitle), r.Account.Value), w.Say(nameof(Reauthorization_NothingChanged), said), Tone.Warning)
        {
            Body = [said, w.Say(nameof(Reauthorization_StoppedToDo), purpose)],
            Actions = [Button(w, nameof(Button_ReauthorizeAgain), ReauthorizationVerbs.Renew, r, ActionStyle.Primary)],
        };
    }

    public static StepView Cancelled(Wording w, Reauthorization r)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(r);
        return new(w.Say(nameof(Reauthorization_CancelledTitle), r.Account.Value), w.Say(nameof(Reauthorization_Cancelled)), Tone.Neutral)
        {
            Actions = [Button(w, nameof(Button_ReauthorizeAgain), ReauthorizationVerbs.Renew, r)],
        };
    }

    private static SubmitAction Button(Wording w, string label, string verb, Reauthorization r, ActionStyle style = ActionStyle.Default) =>
        new(w.Say(label), verb, new Dictionary<string, string> { [IdKey] = r.Id }, style);
}

/// <summary>Button verbs of the re-authorization card.</summary>
public static class ReauthorizationVerbs
{
    public const string Cancel = "reauthorization.cancel";
    public const string Renew = "reauthorization.renew";
}
