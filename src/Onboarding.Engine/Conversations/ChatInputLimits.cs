namespace Onboarding.Engine.Conversations;

/// <summary>
/// How long the ids and names a chat platform sends may be (docs/security.md, "Limits"). Each channel's edge refuses a
/// request carrying a longer one (HTTP 400) before anything stores it: conversation keys, starters' names, delivery ids.
/// </summary>
public static class ChatInputLimits
{
    /// <summary>Conversation, user, tenant, team, activity and message ids; Teams' longest (personal chats) are about 200.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Display names; Entra caps a display name at 256 characters.</summary>
    public const int MaxNameLength = 256;

    /// <summary>True when every id is absent or within <see cref="MaxIdLength"/>.</summary>
    public static bool IdsFit(params ReadOnlySpan<string?> ids)
    {
        foreach (var id in ids)
        {
            if (id is { Length: > MaxIdLength })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every name is absent or within <see cref="MaxNameLength"/>.</summary>
    public static bool NamesFit(params ReadOnlySpan<string?> names)
    {
        foreach (var name in names)
        {
            if (name is { Length: > MaxNameLength })
            {
                return false;
            }
        }

        return true;
    }
}
