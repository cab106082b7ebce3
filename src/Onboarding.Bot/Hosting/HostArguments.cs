namespace Onboarding.Bot.Hosting;

/// <summary>Arguments every host of the bot starts with, before its own command line (which may override them).</summary>
public static class HostArguments
{
    /// <summary>
    /// Settings are read at start-up and checked then (docs/configuration.md), not watched: watching the settings files
    /// watches the content root, where the SQLite database lives by default, and the watcher would wake on every write to it.
    /// </summary>
    public const string ReadSettingsOnce = "--hostBuilder:reloadConfigOnChange=false";
}
