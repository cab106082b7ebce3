namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>What the inbox did with a command handed to it.</summary>
public enum InboxOutcome
{
    /// <summary>Stored: it will run, on this instance or another, even if this one dies now. Acknowledge it.</summary>
    Accepted,

    /// <summary>A delivery accepted before (the platform sent it again): acknowledge it, nothing more happens.</summary>
    Duplicate,

    /// <summary>Not stored: the inbox is full or the database is not keeping up. Tell the person to try again shortly.</summary>
    Busy,
}
