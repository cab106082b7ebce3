using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.Views;

namespace Onboarding.Engine.Operations.Commands;

/// <summary>Who may run the operations commands (<c>audit</c>, <c>erase</c>): decided by the staff policy in this one place.</summary>
public sealed class OperationsAccess(StaffPolicy staff)
{
    public bool Allows(ChatUser user) => staff.IsStaff(user);
}

/// <summary>Base of the operations commands: anyone else gets the staff-only refusal and nothing happens.</summary>
public abstract class OperationsRoute(OperationsAccess access, CommandReplies replies) : IChatCommandRoute
{
    public abstract IReadOnlyCollection<string> Verbs { get; }

    protected CommandReplies Replies => replies;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!access.Allows(command.User))
        {
            await replies.ReplyAsync(command, ReplyViews.StaffOnly(command.Verb), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleAllowedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleAllowedAsync(ChatCommand command, CancellationToken cancellationToken);
}
