using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>The help card: every command with one line, in the words of UX.md.</summary>
public static class HelpView
{
    public static StepView Create(string appName, string? note = null) => new(
        $"{appName} — what I can do",
        "Commands: onboard, status, cancel, alerts, rotate, offboard, help.")
    {
        Body = note is null ? [] : [note],
        Table = new ViewTable(
            ["Command", "What it does"],
            [
                ["onboard [account]", "Connect a NetSuite account in four guided steps (about five minutes)."],
                ["status [account]", "Where each onboarding stands, or one account's connection."],
                ["cancel [account]", "Stop an onboarding; admin access given so far is revoked."],
                ["alerts here", "Staff: send connection alerts to this conversation."],
                ["alerts off", "Staff: stop alerts here."],
                ["rotate <account>", "Staff: replace an account's certificate now."],
                ["offboard <account>", "Staff: revoke an account's certificate and erase its keys."],
                ["help", "This list."],
            ]),
        Actions = [new SubmitAction("Start onboarding", "onboard", new Dictionary<string, string>(), ActionStyle.Primary)],
    };
}
