using Onboarding.Engine.Views;

namespace Onboarding.Engine.Conversations;

/// <summary>What a person is told when their command could not be carried out, on every channel and whatever failed.</summary>
public static class CommandApology
{
    public const string Summary = "Something went wrong on my side. Please try again in a moment — type help to see what I can do.";

    public static StepView View { get; } = new("Something went wrong on my side", Summary, Tone.Attention)
    {
        Body = ["Please try again in a moment. Nothing you had finished is lost — type status to see where things stand, or help to see what I can do."],
    };
}
