using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Conversations;

/// <summary>The card shown when the bot joins a conversation or someone new arrives in it.</summary>
public static class WelcomeView
{
    public static StepView Create(Wording wording, string appName)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        var promise = wording.Say(nameof(Welcome_Promise), appName);
        return new StepView(wording.Say(nameof(Welcome_Title)), wording.Say(nameof(Welcome_Summary), promise))
        {
            Body =
            [
                promise,
                wording.Say(nameof(Welcome_Step1)),
                wording.Say(nameof(Welcome_Step2)),
                wording.Say(nameof(Welcome_Step3)),
            ],
            Actions =
            [
                HelpView.StartOnboarding(wording),
                new SubmitAction(wording.Say(nameof(Button_HowItWorks)), ChatVerbs.HowItWorks, HelpView.EmptyData),
            ],
        };
    }
}
