using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>The card shown when the bot joins a conversation or someone new arrives in it.</summary>
public static class WelcomeView
{
    public static StepView Create(string appName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        return new StepView(
            "Let's connect NetSuite",
            $"I connect your NetSuite account to {appName} in a few minutes — no keys or certificates to copy. Type onboard to start.")
        {
            Body =
            [
                $"I connect your NetSuite account to {appName} in a few minutes — no keys or certificates to copy.",
                "1. You give the app admin access for one hour, with a NetSuite sign-in.",
                "2. You install the app's bundle — the only manual step, about two minutes.",
                "3. I set up a long-term, least-privilege connection and take the admin access back.",
            ],
            Actions =
            [
                new SubmitAction("Start onboarding", ChatVerbs.Onboard, HelpView.EmptyData, ActionStyle.Primary),
                new SubmitAction("How it works", ChatVerbs.HowItWorks, HelpView.EmptyData),
            ],
        };
    }
}
