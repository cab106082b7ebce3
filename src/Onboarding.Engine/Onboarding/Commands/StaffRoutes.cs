using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>
/// Base of staff-only commands: everyone else gets a clear refusal and nothing happens. A route needs
/// <see cref="StaffPermission.OperateConnections"/> (the Operations role) unless it overrides <see cref="Permission"/>.
/// </summary>
public abstract class StaffRoute(StaffPolicy staff, CommandReplies replies) : IChatCommandRoute
{
    public abstract IReadOnlyCollection<string> Verbs { get; }

    /// <summary>What the sender must be allowed to do; see <see cref="StaffPolicy.RolesGranting"/>.</summary>
    protected virtual StaffPermission Permission => StaffPermission.OperateConnections;

    protected CommandReplies Replies => replies;

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (!staff.Allows(command, Permission))
        {
            await replies.ReplyAsync(command, ReplyViews.StaffOnly(command.Verb), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleStaffAsync(command, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken);
}

/// <summary><c>offboard &lt;account&gt;</c>: shows what will happen and asks for confirmation first.</summary>
public sealed class OffboardRoute(Database database, TenantStore tenants, StaffPolicy staff, CommandReplies replies) : StaffRoute(staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Offboard];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        var tenant = await StorageTransaction.ReadAsync(database, read => tenants.FindAsync(read, account!.Value, cancellationToken), cancellationToken).ConfigureAwait(false);

        var view = tenant is null || tenant.Status == TenantStatus.Offboarded
            ? ReplyViews.Notice($"{account} is not connected", "There is nothing to offboard. Type status to see every tenant.", Tone.Neutral)
            : ReplyViews.ConfirmOffboard(tenant);
        await Replies.ReplyAsync(command, view, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The confirmation card's buttons: offboard for real, or keep the tenant.</summary>
public sealed class OffboardConfirmationRoute(OnboardingSessions sessions, OnboardingFlow flow, TenantOffboarding offboarding, Reauthorizations reauthorizations, StaffPolicy staff, CommandReplies replies)
    : StaffRoute(staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.OffboardConfirmed, OnboardingVerbs.OffboardKept];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        if (command.Verb.Equals(OnboardingVerbs.OffboardKept, StringComparison.OrdinalIgnoreCase))
        {
            await Replies.ReplyAsync(command, ReplyViews.Notice($"{account} stays connected", "Nothing was changed.", Tone.Good), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var open in await sessions.OpenForAccountAsync(account!.Value, cancellationToken).ConfigureAwait(false))
        {
            await flow.CancelAsync(open, command.User, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await offboarding.OffboardAsync(account.Value, command.User.Id, cancellationToken).ConfigureAwait(false);
        await Replies.ReplyAsync(command, ReplyViews.Offboarded(outcome), cancellationToken).ConfigureAwait(false);
        if (outcome.NotRevoked.Count > 0)
        {
            // The app's own token could not revoke it: an admin's one-hour access can (the manual way stays on the card above).
            await reauthorizations.RequestAsync(command.Conversation, command.User, account.Value, ReauthorizationPurpose.RevokeCertificates, [.. outcome.NotRevoked.Select(n => n.CertificateId)], cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The welcome card, sent by a channel when the bot joins a conversation.</summary>
public sealed class WelcomeRoute(Microsoft.Extensions.Options.IOptions<OnboardingOptions> options, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Welcome];

    public bool AnswersAtOnce => true;

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken) =>
        replies.ReplyAsync(command, WelcomeView.Create(options.Value.AppName), cancellationToken);
}

/// <summary><c>help</c>, and the answer to anything not understood.</summary>
public sealed class HelpRoute(Microsoft.Extensions.Options.IOptions<OnboardingOptions> options, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Help];

    public bool AnswersAtOnce => true;

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var help = HelpView.Create() with { Title = $"{options.Value.AppName} — what I can do" };
        if (!command.Verb.Equals(OnboardingVerbs.Help, StringComparison.OrdinalIgnoreCase))
        {
            help = help with { Body = [$"I didn't understand '{Shorten(command.Verb)}'. Here is what I can do.", .. help.Body] };
        }

        return replies.ReplyAsync(command, help, cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
