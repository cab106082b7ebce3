namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// Settings section <c>Inbox</c>: how the command inbox both chat channels feed is worked off (docs/scale-out.md). The same
/// settings apply to Teams and Slack commands; every instance on one database works the same inbox.
/// </summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>
    /// Commands this instance runs at once; each mostly waits on NetSuite or the chat platform, so more than the cores. One
    /// workspace's commands take at most three quarters of them (at least one), so another workspace's command always finds one.
    /// </summary>
    public int WorkerConcurrency { get; set; } = 16;

    /// <summary>
    /// Runs a command may get: a failure is retried after <see cref="RetryDelay"/> (doubled each time) until this many have
    /// started, then the person is told something went wrong. A command under way each time its instance died counts too,
    /// so a command that kills the process cannot do so forever.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry of a failed command; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a claimed command is reserved for the instance running it without news from it. The instance renews the
    /// claim every third of this while it works; an instance that died loses its commands to another after this long.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle instance looks for commands other instances stored (its own are started at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Commands waiting in the inbox, over all instances, beyond which new ones are refused as "busy" — at first only those
    /// of the workspaces holding at least an even share of the waiting commands, so one tenant's flood does not shut the
    /// others out; everyone's at twice this.
    /// </summary>
    public int MaxBacklog { get; set; } = 5_000;
}
