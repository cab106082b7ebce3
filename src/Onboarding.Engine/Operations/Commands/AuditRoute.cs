using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Operations.Commands;

/// <summary><c>audit &lt;account&gt;</c>: the account's latest audit entries on a card, with the state of its hash chain.</summary>
public sealed class AuditRoute(AuditTrail trail, OperationsAccess access, CommandReplies replies) : OperationsRoute(access, replies)
{
    /// <summary>Entries on the card; the export has them all.</summary>
    public const int Shown = 15;

    public override IReadOnlyCollection<string> Verbs { get; } = [OperationsVerbs.Audit];

    protected override async Task HandleAllowedAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var latest = await trail.LatestAsync(account!.Value.Value, Shown, cancellationToken).ConfigureAwait(false);
        var verification = await trail.VerifyAsync(account.Value.Value, cancellationToken).ConfigureAwait(false);
        await Replies.ReplyAsync(command, w => OperationsViews.AuditTrail(w, account.Value, latest, verification), cancellationToken).ConfigureAwait(false);
    }
}
