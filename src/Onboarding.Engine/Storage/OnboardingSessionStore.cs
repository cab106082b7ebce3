using Dapper;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Storage;

/// <summary>Persists onboarding sessions; every update is conditional on the version read (optimistic concurrency).</summary>
public sealed class OnboardingSessionStore
{
    private const string Columns = """
        id AS Id, conversation_key AS ConversationKey, account_id AS AccountId, account_expected AS AccountExpected, reconnect AS Reconnect,
        started_by_id AS StartedById, started_by_name AS StartedByName, shared_conversation AS SharedConversation, step AS Step, status AS Status, version AS Version,
        lease_until AS LeaseUntil, failure_code AS FailureCode, failure_reason AS FailureReason, failure_todo AS FailureToDo,
        failure_said AS FailureSaid, authorized_role_id AS AuthorizedRoleId, authorized_role_name AS AuthorizedRoleName, authorized_entity_id AS AuthorizedEntityId,
        authorized_at AS AuthorizedAt, authorized_by_name AS AuthorizedByName, admin_access_until AS AdminAccessUntil, admin_access_ended_at AS AdminAccessEndedAt,
        bundle_version AS BundleVersion, app_role_id AS AppRoleId, app_role_name AS AppRoleName, mapped_entity_id AS MappedEntityId,
        connection_test_ms AS ConnectionTestMs, created_at AS CreatedAt, updated_at AS UpdatedAt, finished_at AS FinishedAt
        """;

    private const string Assignments = """
        account_id = @AccountId, account_expected = @AccountExpected, reconnect = @Reconnect, step = @Step, status = @Status, version = @Version,
        lease_until = @LeaseUntil, failure_code = @FailureCode, failure_reason = @FailureReason, failure_todo = @FailureToDo,
        failure_said = @FailureSaid, authorized_role_id = @AuthorizedRoleId, authorized_role_name = @AuthorizedRoleName, authorized_entity_id = @AuthorizedEntityId,
        authorized_at = @AuthorizedAt, authorized_by_name = @AuthorizedByName, admin_access_until = @AdminAccessUntil, admin_access_ended_at = @AdminAccessEndedAt,
        bundle_version = @BundleVersion, app_role_id = @AppRoleId, app_role_name = @AppRoleName, mapped_entity_id = @MappedEntityId,
        connection_test_ms = @ConnectionTestMs, updated_at = @UpdatedAt, finished_at = @FinishedAt
        """;

    /// <summary>Inserts a new session (it holds no account until NetSuite authorizes it, see <see cref="FindHolderAsync"/>).</summary>
    public async Task InsertAsync(StorageTransaction transaction, OnboardingSession session, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.ExecuteAsync(
                $"""
                INSERT INTO onboarding_sessions (id, conversation_key, started_by_id, started_by_name, shared_conversation, authorized_by_name, created_at, account_id, account_expected, reconnect,
                    authorized_role_name, step, status, version, lease_until, failure_code, failure_reason, failure_todo, failure_said, authorized_role_id,
                    authorized_entity_id, authorized_at, admin_access_until, admin_access_ended_at, bundle_version, app_role_id,
                    app_role_name, mapped_entity_id, connection_test_ms, updated_at, finished_at)
                VALUES (@Id, @ConversationKey, @StartedById, @StartedByName, @SharedConversation, @AuthorizedByName, @CreatedAt, @AccountId, @AccountExpected, @Reconnect,
                    @AuthorizedRoleName, @Step, @Status, @Version, @LeaseUntil, @FailureCode, @FailureReason, @FailureToDo, @FailureSaid, @AuthorizedRoleId,
                    @AuthorizedEntityId, @AuthorizedAt, @AdminAccessUntil, @AdminAccessEndedAt, @BundleVersion, @AppRoleId,
                    @AppRoleName, @MappedEntityId, @ConnectionTestMs, @UpdatedAt, @FinishedAt)
                """,
                SessionRow.From(session),
                cancellationToken).ConfigureAwait(false);
        }
        catch (UniqueConstraintException e)
        {
            throw new OpenOnboardingExistsException(session.Account, e);
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> if the stored version is still <paramref name="expectedVersion"/>; returns false when
    /// someone else moved the session first. Throws <see cref="OpenOnboardingExistsException"/> when the session becomes
    /// authorized for an account another authorized onboarding still holds.
    /// </summary>
    public async Task<bool> TryUpdateAsync(StorageTransaction transaction, OnboardingSession next, int expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            var parameters = new DynamicParameters(SessionRow.From(next));
            parameters.Add("ExpectedVersion", expectedVersion);
            var changed = await transaction.ExecuteAsync(
                $"UPDATE onboarding_sessions SET {Assignments} WHERE id = @Id AND version = @ExpectedVersion",
                parameters,
                cancellationToken).ConfigureAwait(false);
            return changed == 1;
        }
        catch (UniqueConstraintException e)
        {
            throw new OpenOnboardingExistsException(next.Account, e);
        }
    }

    public async Task<OnboardingSession?> FindAsync(StorageTransaction transaction, SessionId id, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {Columns} FROM onboarding_sessions WHERE id = @id", new { id = id.Value }, cancellationToken).ConfigureAwait(false);
        return row?.ToSession();
    }

    /// <summary>
    /// The open onboarding that holds an account: one that NetSuite authorized (at most one, by a unique index). Onboardings
    /// still waiting for their first sign-in hold nothing, so typing <c>onboard &lt;account&gt;</c> cannot block the real admin.
    /// </summary>
    public async Task<OnboardingSession?> FindHolderAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        var row = await transaction.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {Columns} FROM onboarding_sessions WHERE account_id = @account AND status IN ('Waiting', 'Running', 'Failed') AND authorized_at IS NOT NULL",
            new { account = account.Value },
            cancellationToken).ConfigureAwait(false);
        return row?.ToSession();
    }

    /// <summary>Every open onboarding of an account, in any conversation, newest first.</summary>
    public async Task<IReadOnlyList<OnboardingSession>> OpenForAccountAsync(StorageTransaction transaction, AccountId account, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<SessionRow>(
            $"SELECT {Columns} FROM onboarding_sessions WHERE account_id = @account AND status IN ('Waiting', 'Running', 'Failed') ORDER BY created_at DESC",
            new { account = account.Value },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSession())];
    }

    /// <summary>Sessions whose worker stopped mid-step: running, with the lease run out (a crash or restart).</summary>
    public async Task<IReadOnlyList<OnboardingSession>> StalledAsync(StorageTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<SessionRow>(
            $"SELECT {Columns} FROM onboarding_sessions WHERE status = 'Running' AND lease_until <= @now ORDER BY updated_at",
            new { now = StoredTime.Format(now) },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSession())];
    }

    /// <summary>A conversation's onboardings, newest first.</summary>
    public async Task<IReadOnlyList<OnboardingSession>> ForConversationAsync(StorageTransaction transaction, ConversationKey conversation, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<SessionRow>(
            $"SELECT {Columns} FROM onboarding_sessions WHERE conversation_key = @key ORDER BY created_at DESC",
            new { key = conversation.ToString() },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSession())];
    }

    /// <summary>
    /// One onboarding per account — its latest authorized one, or its latest when none was ever authorized (an unproven
    /// claim never stands for an account another onboarding connected) — and every not-yet-known account, newest first.
    /// </summary>
    public async Task<IReadOnlyList<OnboardingSession>> LatestPerAccountAsync(StorageTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<SessionRow>(
            $"""
            SELECT {Columns} FROM onboarding_sessions s
            WHERE s.account_id IS NULL AND s.status IN ('Waiting', 'Running', 'Failed')
               OR s.id = (SELECT o.id FROM onboarding_sessions o WHERE o.account_id = s.account_id
                          ORDER BY CASE WHEN o.authorized_at IS NULL THEN 1 ELSE 0 END, o.created_at DESC, o.id LIMIT 1)
            ORDER BY s.created_at DESC
            """,
            null,
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSession())];
    }

    /// <summary>The table's row shape for Dapper; conversions live here and nowhere else.</summary>
    private sealed class SessionRow
    {
        public string Id { get; set; } = "";
        public string ConversationKey { get; set; } = "";
        public string? AccountId { get; set; }
        public long AccountExpected { get; set; }
        public long Reconnect { get; set; }
        public string StartedById { get; set; } = "";
        public string StartedByName { get; set; } = "";
        public long SharedConversation { get; set; }
        public string? AuthorizedByName { get; set; }
        public string Step { get; set; } = "";
        public string Status { get; set; } = "";
        public long Version { get; set; }
        public string? LeaseUntil { get; set; }
        public string? FailureCode { get; set; }
        public string? FailureReason { get; set; }
        public string? FailureToDo { get; set; }
        public string? FailureSaid { get; set; }
        public long? AuthorizedRoleId { get; set; }
        public string? AuthorizedRoleName { get; set; }
        public long? AuthorizedEntityId { get; set; }
        public string? AuthorizedAt { get; set; }
        public string? AdminAccessUntil { get; set; }
        public string? AdminAccessEndedAt { get; set; }
        public string? BundleVersion { get; set; }
        public long? AppRoleId { get; set; }
        public string? AppRoleName { get; set; }
        public long? MappedEntityId { get; set; }
        public long? ConnectionTestMs { get; set; }
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
        public string? FinishedAt { get; set; }

        public static SessionRow From(OnboardingSession s) => new()
        {
            Id = s.Id.Value,
            ConversationKey = s.Conversation.ToString(),
            AccountId = s.Account?.Value,
            AccountExpected = s.AccountExpected ? 1 : 0,
            Reconnect = s.Reconnect ? 1 : 0,
            StartedById = s.StartedBy.Id,
            StartedByName = s.StartedBy.Name,
            SharedConversation = s.SharedConversation ? 1 : 0,
            AuthorizedByName = s.AuthorizedByName,
            Step = s.Step.ToString(),
            Status = s.Status.ToString(),
            Version = s.Version,
            LeaseUntil = StoredTime.Format(s.LeaseUntil),
            FailureCode = s.Failure?.Code,
            FailureReason = s.Failure?.Reason.Encode(),
            FailureToDo = s.Failure?.ToDo.Encode(),
            FailureSaid = s.Failure?.Said,
            AuthorizedRoleId = s.AuthorizedRoleId,
            AuthorizedRoleName = s.AuthorizedRoleName,
            AuthorizedEntityId = s.AuthorizedEntityId,
            AuthorizedAt = StoredTime.Format(s.AuthorizedAt),
            AdminAccessUntil = StoredTime.Format(s.AdminAccessUntil),
            AdminAccessEndedAt = StoredTime.Format(s.AdminAccessEndedAt),
            BundleVersion = s.BundleVersion,
            AppRoleId = s.AppRoleId,
            AppRoleName = s.AppRoleName,
            MappedEntityId = s.MappedEntityId,
            ConnectionTestMs = s.ConnectionTestMilliseconds,
            CreatedAt = StoredTime.Format(s.CreatedAt),
            UpdatedAt = StoredTime.Format(s.UpdatedAt),
            FinishedAt = StoredTime.Format(s.FinishedAt),
        };

        public OnboardingSession ToSession() => new()
        {
            Id = SessionId.Parse(Id),
            Conversation = Conversations.ConversationKey.Parse(ConversationKey),
            Account = AccountId is null ? null : NetSuite.AccountId.Parse(AccountId),
            AccountExpected = AccountExpected != 0,
            Reconnect = Reconnect != 0,
            StartedBy = new ChatUser(StartedById, StartedByName),
            SharedConversation = SharedConversation != 0,
            AuthorizedByName = AuthorizedByName,
            Step = Enum.Parse<OnboardingStep>(Step),
            Status = Enum.Parse<SessionStatus>(Status),
            Version = checked((int)Version),
            LeaseUntil = StoredTime.ParseOrNull(LeaseUntil),
            Failure = FailureCode is null ? null : new StepFailure(FailureCode, Language.Phrase.Decode(FailureReason ?? "")!, Language.Phrase.Decode(FailureToDo ?? "")!, FailureSaid),
            AuthorizedRoleId = AuthorizedRoleId,
            AuthorizedRoleName = AuthorizedRoleName,
            AuthorizedEntityId = AuthorizedEntityId,
            AuthorizedAt = StoredTime.ParseOrNull(AuthorizedAt),
            AdminAccessUntil = StoredTime.ParseOrNull(AdminAccessUntil),
            AdminAccessEndedAt = StoredTime.ParseOrNull(AdminAccessEndedAt),
            BundleVersion = BundleVersion,
            AppRoleId = AppRoleId,
            AppRoleName = AppRoleName,
            MappedEntityId = MappedEntityId,
            ConnectionTestMilliseconds = ConnectionTestMs,
            CreatedAt = StoredTime.Parse(CreatedAt),
            UpdatedAt = StoredTime.Parse(UpdatedAt),
            FinishedAt = StoredTime.ParseOrNull(FinishedAt),
        };
    }
}
