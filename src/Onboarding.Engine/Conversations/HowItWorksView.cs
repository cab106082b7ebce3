using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// The welcome card's How it works: the three things that happen, what access the app gets and for how long, and what is
/// kept afterwards — the questions an admin asks before giving access. (The command list is the Help card.)
/// </summary>
public static class HowItWorksView
{
    public static StepView Create(string appName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        return new StepView("How it works", $"How {appName} connects to your NetSuite account, what access it needs and for how long.")
        {
            Heading = "Three steps, about five minutes",
            Body =
            [
                "1. You sign in to NetSuite once and give the app admin access for one hour. You see NetSuite's own consent page; no password is shared with the app.",
                "2. You install the app's bundle from NetSuite's install page — the only manual step, about two minutes.",
                "3. The app creates its own key and certificate, registers the certificate in NetSuite, proves it works with a test query, and finishes setup.",
            ],
            Facts =
            [
                new Fact("Admin access", "one hour at most; revoked as soon as setup finishes"),
                new Fact("Kept afterwards", "only the app's own certificate, tied to a least-privilege role; its private key never leaves the app"),
                new Fact("Certificate", "renewed automatically before it expires"),
                new Fact("Undo", "the vendor's staff can offboard the account: the certificate is revoked and the keys erased"),
            ],
            Actions = [new SubmitAction("Start onboarding", ChatVerbs.Onboard, HelpView.EmptyData, ActionStyle.Primary)],
            Footnote = "Type help for every command.",
        };
    }
}
