using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>The Help card: every command with one line on what it does.</summary>
public static class HelpView
{
    /// <summary>The commands as shown to people, in the order they are listed.</summary>
    public static IReadOnlyList<(string Command, string Description)> Commands { get; } =
    [
        ("onboard [account]", "Connect a NetSuite account, e.g. onboard 1234567_SB1 (or just onboard to pick at sign-in)."),
        ("status [account]", "Where each onboarding stands and how each connection is doing."),
        ("alerts here", "Send connection alerts to this conversation (staff)."),
        ("alerts off", "Stop sending alerts to this conversation (staff)."),
        ("rotate <account>", "Replace the account's certificate now (staff)."),
        ("offboard <account>", "Disconnect the account: revoke its certificate and erase its keys (staff)."),
        ("audit <account>", "Who used the account's credentials, and when: the latest audit entries (staff)."),
        ("erase <account>", "Revoke everything in NetSuite and delete all data about the account and its people (staff)."),
        ("cancel [account]", "Stop an onboarding in progress; temporary admin access is revoked."),
        ("help", "Show this list."),
    ];

    public static StepView Create()
    {
        var summary = "Commands: " + string.Join(", ", Commands.Select(c => c.Command)) + ".";
        return new StepView("What I can do", summary)
        {
            Body = ["Type a command in this chat. Words in [brackets] are optional, words in <angle brackets> are required."],
            Table = new ViewTable(["Command", "What it does"], [.. Commands.Select(c => (IReadOnlyList<string>)[c.Command, c.Description])]),
            Actions = [new SubmitAction("Start onboarding", ChatVerbs.Onboard, EmptyData, ActionStyle.Primary)],
        };
    }

    internal static IReadOnlyDictionary<string, string> EmptyData { get; } = new Dictionary<string, string>();
}
