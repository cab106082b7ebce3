using Onboarding.Engine.Language;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Conversations;

/// <summary>What a person is told when their command could not be carried out, on every channel and whatever failed.</summary>
public static class CommandApology
{
    /// <summary>In the conversation's language: something failed here, nothing finished is lost, and how to go on.</summary>
    public static StepView View(Wording w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Say(nameof(Host_SomethingWentWrongTitle)), w.Say(nameof(Host_SomethingWentWrong)), Tone.Attention)
        {
            Body = [w.Say(nameof(Host_SomethingWentWrongBody))],
        };
    }
}
