using System.Diagnostics.CodeAnalysis;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// One entry of <c>Onboarding:Roles:Operations</c> or <c>:Success</c>: a person on one chat platform in one workspace,
/// written <c>msteams:&lt;entra-tenant-id&gt;/&lt;aadObjectId&gt;</c> or <c>slack:&lt;team-id&gt;/&lt;user-id&gt;</c>. The
/// workspace is part of the identity: a user id means nothing outside the tenant or team that issued it.
/// </summary>
public sealed record StaffMember(string Channel, string Workspace, string User)
{
    /// <summary>The Teams channel id, whose user ids are Entra object ids.</summary>
    public const string Teams = "msteams";

    /// <summary>The Slack channel id.</summary>
    public const string Slack = "slack";

    /// <summary>The only channels whose user ids the platform vouches for; elsewhere (web chat, Direct Line) the client picks its own.</summary>
    public static IReadOnlyList<string> Channels { get; } = [Teams, Slack];

    private const int MaxPartLength = 128;

    /// <summary>True when <paramref name="command"/> was sent by this person, in this person's workspace, on this platform.</summary>
    public bool Matches(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);

        // Entra ids are GUIDs (case-insensitive); Slack ids are upper-case only, so ignoring case merges no two of them.
        return string.Equals(command.Conversation.Channel, Channel, StringComparison.OrdinalIgnoreCase)
            && string.Equals(command.Conversation.Workspace, Workspace, StringComparison.OrdinalIgnoreCase)
            && string.Equals(command.User.Id, User, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => $"{Channel}:{Workspace}/{User}";

    /// <summary>Reads an entry; on failure <paramref name="error"/> says what is wrong with it (without the setting's name).</summary>
    public static bool TryParse(string? entry, [NotNullWhen(true)] out StaffMember? member, [NotNullWhen(false)] out string? error)
    {
        member = null;
        var text = entry?.Trim() ?? string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var channel = colon < 0 ? string.Empty : text[..colon].ToLowerInvariant();
        if (!Channels.Contains(channel))
        {
            error = $"'{Shorten(text)}' must start with msteams: or slack: (other channels let the client choose its own user id, so they cannot hold a role).";
            return false;
        }

        var rest = text[(colon + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var workspace = slash < 0 ? string.Empty : rest[..slash];
        var user = slash < 0 ? string.Empty : rest[(slash + 1)..];
        var shape = channel == Teams ? "msteams:<entra-tenant-id>/<aadObjectId>" : "slack:<team-id>/<user-id>";
        if (!IsPart(workspace) || !IsPart(user) || user.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{Shorten(text)}' must have the form {shape}.";
            return false;
        }

        if (channel == Slack && (!IsSlackId(workspace) || !IsSlackId(user)))
        {
            error = $"'{Shorten(text)}': Slack team and user ids are upper-case letters and digits, e.g. slack:T0123ABCD/U0456EFGH.";
            return false;
        }

        member = new StaffMember(channel, workspace, user);
        error = null;
        return true;
    }

    /// <summary>True when a Teams entry's two parts are GUIDs, as Entra tenant ids and object ids are.</summary>
    public bool LooksLikeEntraIds => Channel != Teams || (Guid.TryParse(Workspace, out _) && Guid.TryParse(User, out _));

    private static bool IsPart(string part) =>
        part.Length is > 0 and <= MaxPartLength && System.Text.Ascii.IsValid(part) && !part.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static bool IsSlackId(string part) => part.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
