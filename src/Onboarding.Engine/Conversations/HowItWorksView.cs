using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The welcome card's How it works: the three things that happen, what access the app gets and for how long, and what is
/// kept afterwards — the questions an admin asks before giving access. (The command list is the Help card.)
/// </summary>
public static class HowItWorksView
{
    public static StepView Create(Wording wording, string appName)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        return new StepView(wording.Say(nameof(HowItWorks_Title)), wording.Say(nameof(HowItWorks_Summary), appName))
        {
            Heading = wording.Say(nameof(HowItWorks_Heading)),
            Body =
            [
                wording.Say(nameof(HowItWorks_Step1)),
                wording.Say(nameof(HowItWorks_Step2)),
                wording.Say(nameof(HowItWorks_Step3)),
            ],
            Facts =
            [
                new Fact(wording.Say(nameof(HowItWorks_AdminAccess)), wording.Say(nameof(HowItWorks_AdminAccessValue))),
                new Fact(wording.Say(nameof(HowItWorks_Kept)), wording.Say(nameof(HowItWorks_KeptValue))),
                new Fact(wording.Say(nameof(HowItWorks_Certificate)), wording.Say(nameof(HowItWorks_CertificateValue))),
                new Fact(wording.Say(nameof(HowItWorks_Undo)), wording.Say(nameof(HowItWorks_UndoValue))),
            ],
            Actions = [HelpView.StartOnboarding(wording)],
            Footnote = wording.Say(nameof(HowItWorks_Footnote)),
        };
    }
}
