using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Operations.Commands;

/// <summary><c>erase &lt;account&gt;</c>: says what will happen and asks for confirmation first.</summary>
public sealed class EraseRoute(Database database, OperationsAccess access, CommandReplies replies) : OperationsRoute(access, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OperationsVerbs.Erase];

    protected override async Task HandleAllowedAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        // Anything at all about the account counts: a tenant row, an onboarding (even one that never finished), an audit entry.
        var known = await StorageTransaction.ReadAsync(
            database,
            read => read.QuerySingleOrDefaultAsync<long>(
                """
                SELECT (SELECT COUNT(*) FROM tenants WHERE account_id = @account)
                     + (SELECT COUNT(*) FROM onboarding_sessions WHERE account_id = @account)
                     + (SELECT COUNT(*) FROM audit_log WHERE account_id = @account AND action <> 'tenant.erased')
                """,
                new { account = account!.Value.Value },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        await Replies.ReplyAsync(command, w => known == 0 ? OperationsViews.NothingToErase(w, account!.Value) : OperationsViews.ConfirmErase(w, account!.Value), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The confirmation card's buttons: erase for real, or keep everything.</summary>
public sealed class EraseConfirmationRoute(TenantErasure erasure, OperationsAccess access, CommandReplies replies) : OperationsRoute(access, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OperationsVerbs.EraseConfirmed, OperationsVerbs.EraseKept];

    protected override async Task HandleAllowedAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        if (command.Verb.Equals(OperationsVerbs.EraseKept, StringComparison.OrdinalIgnoreCase))
        {
            await Replies.ReplyAsync(command, w => OperationsViews.EraseKept(w, account!.Value), cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await erasure.EraseAsync(account!.Value, command.User, command.Conversation, cancellationToken).ConfigureAwait(false);
        await Replies.ReplyAsync(command, w => OperationsViews.Erased(w, outcome), cancellationToken).ConfigureAwait(false);
    }
}
