using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;

namespace Onboarding.Engine.Operations.Commands;

/// <summary>
/// Who may run the operations commands (<c>audit</c>, <c>erase</c>): the Operations role, as the staff policy decides
/// (<see cref="StaffPermission.OperateConnections"/>, docs/security.md).
/// </summary>
public sealed class OperationsAccess(StaffPolicy staff)
{
    public bool Allows(ChatCommand command) => staff.Allows(command, StaffPermission.OperateConnections);
}

/// <summary>Base of the operations commands: anyone else gets the staff-only refusal and nothing happens.</summary>
public abstract class OperationsRoute(OperationsAccess access, CommandReplies replies) : IChatCommandRoute
{
    public abstract IReadOnlyCollection<string> Verbs { get; }

    protected CommandReplies Replies => replies;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!access.Allows(command))
        {
            await replies.ReplyAsync(command, w => ReplyViews.StaffOnly(w, command.Verb), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleAllowedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleAllowedAsync(ChatCommand command, CancellationToken cancellationToken);
}
