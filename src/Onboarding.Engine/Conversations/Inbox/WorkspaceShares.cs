using System.Collections.Frozen;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>
/// Fairness between the workspaces (Teams tenants, Slack teams) one inbox serves (docs/security.md): the turn each
/// command is stored with, which claims go by, and who is told "busy" once the inbox is full. One tenant's flood delays
/// and refuses its own commands, not everyone's.
/// </summary>
internal sealed class WorkspaceShares(int maxBacklog)
{
    private long _backlog;
    private FrozenSet<string> _crowding = FrozenSet<string>.Empty;

    /// <summary>Commands in the inbox, over all instances, as last counted.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>
    /// Whether a command of <paramref name="workspace"/> is refused as busy: past the bound only the workspaces holding at
    /// least an even share of the backlog are, and the others' commands still come in up to twice the bound. One workspace
    /// alone is refused at the bound.
    /// </summary>
    public bool Refuses(string workspace)
    {
        var backlog = Backlog;
        return backlog >= 2L * maxBacklog || (backlog >= maxBacklog && Volatile.Read(ref _crowding).Contains(workspace));
    }

    /// <summary>Counts the commands in the inbox per workspace, for <see cref="Backlog"/> and <see cref="Refuses"/>; returns the count.</summary>
    public async Task<long> CountAsync(Database database, CancellationToken cancellationToken)
    {
        var perWorkspace = (await StorageTransaction.ReadAsync(database, read => read.QueryAsync<(string Workspace, long Count)>(
            "SELECT workspace, COUNT(*) FROM chat_inbox GROUP BY workspace", null, cancellationToken), cancellationToken).ConfigureAwait(false)).ToList();
        var count = perWorkspace.Sum(w => w.Count);
        var evenShare = perWorkspace.Count == 0 ? 0 : count / perWorkspace.Count;
        Volatile.Write(ref _crowding, count < maxBacklog
            ? FrozenSet<string>.Empty
            : perWorkspace.Where(w => w.Count >= evenShare).Select(w => w.Workspace).ToFrozenSet(StringComparer.Ordinal));
        Interlocked.Exchange(ref _backlog, count);
        return count;
    }

    /// <summary>
    /// The last turn taken, per workspace of <paramref name="workspaces"/>, for the commands about to be stored in
    /// <paramref name="write"/>: each takes the next. A command's turn is one past the later of its workspace's last turn
    /// and the earliest turn in the inbox, and claims go by turn, so a workspace with a thousand commands waiting holds
    /// turns far ahead and another's next command goes before them (fair queuing). Both lookups read an index
    /// (migration 207).
    /// </summary>
    public static async Task<Dictionary<string, long>> LastTurnsAsync(StorageTransaction write, IEnumerable<string> workspaces)
    {
        var earliest = await write.ExecuteScalarAsync<long?>("SELECT MIN(turn) FROM chat_inbox", null, CancellationToken.None).ConfigureAwait(false) ?? 0;
        var lastTurns = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var workspace in workspaces.Distinct(StringComparer.Ordinal))
        {
            var last = await write.ExecuteScalarAsync<long?>(
                "SELECT MAX(turn) FROM chat_inbox WHERE workspace = @workspace", new { workspace }, CancellationToken.None).ConfigureAwait(false) ?? 0;
            lastTurns[workspace] = Math.Max(last, earliest);
        }

        return lastTurns;
    }
}
