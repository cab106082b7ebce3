namespace Onboarding.Bot.Teams;

/// <summary>The Bot Framework channel ids this host serves through <c>/api/messages</c> (Teams and its look-alikes).</summary>
internal static class BotFrameworkChannels
{
    public static IReadOnlyCollection<string> All { get; } = ["msteams", "webchat", "emulator", "directline", "test"];
}
