using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Storage;

/// <summary>Each post-install routine's state per session, so a retry runs only what has not succeeded.</summary>
public sealed class PostInstallRunStore
{
    /// <summary>Adds a pending row for every enabled routine that has none yet; returns all rows in order.</summary>
    public async Task<IReadOnlyList<RoutineRun>> EnsureAsync(StorageTransaction transaction, SessionId session, IReadOnlyList<string> routines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var i = 0; i < routines.Count; i++)
        {
            await transaction.ExecuteAsync(
                """
                INSERT INTO post_install_runs (session_id, routine, position, state, updated_at) VALUES (@session, @routine, @position, @state, @now)
                ON CONFLICT (session_id, routine) DO NOTHING
                """,
                new { session = session.Value, routine = routines[i], position = i, state = RoutineState.Pending.ToString(), now = StoredTime.Format(now) },
                cancellationToken).ConfigureAwait(false);
        }

        return await ForSessionAsync(transaction, session, cancellationToken).ConfigureAwait(false);
    }

    public Task SetAsync(StorageTransaction transaction, SessionId session, RoutineRun run, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE post_install_runs SET state = @state, summary = @summary, failure_said = @said, updated_at = @now WHERE session_id = @session AND routine = @routine",
            new { session = session.Value, routine = run.Routine, state = run.State.ToString(), summary = run.Summary?.Encode(), said = run.Said, now = StoredTime.Format(now) },
            cancellationToken);

    public async Task<IReadOnlyList<RoutineRun>> ForSessionAsync(StorageTransaction transaction, SessionId session, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<RunRow>(
            "SELECT routine AS Routine, state AS State, summary AS Summary, failure_said AS Said FROM post_install_runs WHERE session_id = @session ORDER BY position",
            new { session = session.Value },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new RoutineRun(r.Routine, Enum.Parse<RoutineState>(r.State), Phrase.Decode(r.Summary), r.Said))];
    }

    private sealed class RunRow
    {
        public string Routine { get; set; } = "";
        public string State { get; set; } = "";
        public string? Summary { get; set; }
        public string? Said { get; set; }
    }
}
