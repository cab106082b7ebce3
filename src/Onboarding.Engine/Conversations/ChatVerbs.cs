namespace Onboarding.Engine.Conversations;

/// <summary>The command verbs both channels understand; typed commands and card buttons use the same words.</summary>
public static class ChatVerbs
{
    public const string Onboard = "onboard";
    public const string Status = "status";
    public const string Alerts = "alerts";
    public const string Rotate = "rotate";
    public const string Offboard = "offboard";
    public const string Cancel = "cancel";
    public const string Audit = "audit";
    public const string Erase = "erase";
    public const string Help = "help";

    /// <summary>The welcome card's How it works button: what happens, what access is given, and for how long.</summary>
    public const string HowItWorks = "help.how-it-works";

    /// <summary>Not typed by anyone: a channel sends it when the bot or a person joins a conversation.</summary>
    public const string Welcome = "welcome";
}
