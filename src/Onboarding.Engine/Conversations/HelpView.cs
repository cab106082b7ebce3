using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Conversations;

/// <summary>The Help card: every command with one line on what it does.</summary>
public static class HelpView
{
    private static readonly (string Command, string Description)[] Keys =
    [
        (nameof(Help_Onboard), nameof(Help_OnboardWhat)),
        (nameof(Help_Status), nameof(Help_StatusWhat)),
        (nameof(Help_AlertsHere), nameof(Help_AlertsHereWhat)),
        (nameof(Help_AlertsOff), nameof(Help_AlertsOffWhat)),
        (nameof(Help_Rotate), nameof(Help_RotateWhat)),
        (nameof(Help_Offboard), nameof(Help_OffboardWhat)),
        (nameof(Help_Audit), nameof(Help_AuditWhat)),
        (nameof(Help_Erase), nameof(Help_EraseWhat)),
        (nameof(Help_Cancel), nameof(Help_CancelWhat)),
        (nameof(Help_Help), nameof(Help_HelpWhat)),
    ];

    /// <summary>The commands as shown to people, in the order they are listed (the verbs are the same in every language).</summary>
    public static IReadOnlyList<(string Command, string Description)> Commands(Wording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return [.. Keys.Select(k => (wording.Say(k.Command), wording.Say(k.Description)))];
    }

    public static StepView Create(Wording wording)
    {
        var commands = Commands(wording);
        return new StepView(wording.Say(nameof(Help_Title)), wording.Say(nameof(Help_Summary), string.Join(", ", commands.Select(c => c.Command))))
        {
            Body = [wording.Say(nameof(Help_HowToType))],
            Table = new ViewTable(
                [wording.Say(nameof(Help_CommandColumn)), wording.Say(nameof(Help_WhatColumn))],
                [.. commands.Select(c => (IReadOnlyList<string>)[c.Command, c.Description])]),
            Actions = [StartOnboarding(wording)],
        };
    }

    /// <summary>The main way on from the help, welcome and how-it-works cards.</summary>
    internal static SubmitAction StartOnboarding(Wording wording) =>
        new(wording.Say(nameof(Button_StartOnboarding)), ChatVerbs.Onboard, EmptyData, ActionStyle.Primary);

    internal static IReadOnlyDictionary<string, string> EmptyData { get; } = new Dictionary<string, string>();
}
