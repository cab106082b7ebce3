using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

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
            await replies.ReplyAsync(command, w => ReplyViews.StaffOnly(w, command.Verb), cancellationToken).ConfigureAwait(false);
            return;
        }

        await HandleStaffAsync(command, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken);
}

/// <summary><c>offboard &lt;account&gt;</c>: shows what will happen and asks first, on a question card answered once.</summary>
public sealed class OffboardRoute(Database database, TenantStore tenants, ConfirmationCards confirmations, StaffPolicy staff, CommandReplies replies) : StaffRoute(staff, replies)
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
        if (tenant is null || tenant.Status == TenantStatus.Offboarded)
        {
            await Replies.ReplyAsync(command, w => ReplyViews.Notice(w, Phrase.Of(nameof(Reply_NotConnectedTitle), account!.Value.Value), Phrase.Of(nameof(Reply_NothingToOffboard))), cancellationToken).ConfigureAwait(false);
            return;
        }

        await confirmations.AskAsync(command, OnboardingVerbs.Offboard, tenant.Account.Value, (w, question) => ReplyViews.ConfirmOffboard(w, tenant, question), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// The question card's buttons: offboard for real, or keep the tenant. The first click answers; its answer, then the
/// outcome, replace the question, so nothing happens twice.
/// </summary>
public sealed class OffboardConfirmationRoute(
    OnboardingSessions sessions,
    OnboardingFlow flow,
    TenantOffboarding offboarding,
    ConfirmationCards confirmations,
    StaffPolicy staff,
    CommandReplies replies) : StaffRoute(staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.OffboardConfirmed, OnboardingVerbs.OffboardKept];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var keep = command.Verb.Equals(OnboardingVerbs.OffboardKept, StringComparison.OrdinalIgnoreCase);
        var answer = await confirmations.TryAnswerAsync(command, OnboardingVerbs.Offboard, keep ? ConfirmationCards.Kept : ConfirmationCards.Confirmed, cancellationToken).ConfigureAwait(false);
        switch (answer.State)
        {
            case ConfirmationState.AlreadyAnswered:
                return;
            case ConfirmationState.NotAsked:
                await AskAgainAsync(command, cancellationToken).ConfigureAwait(false);
                return;
        }

        var account = AccountId.Parse(answer.Subject);
        if (keep)
        {
            await confirmations.ShowAsync(command, answer, w => ReplyViews.OffboardingKept(w, account, command.User), cancellationToken).ConfigureAwait(false);
            return;
        }

        await confirmations.ShowAsync(command, answer, w => ReplyViews.Offboarding(w, account, command.User), cancellationToken).ConfigureAwait(false);
        foreach (var open in await sessions.OpenForAccountAsync(account, cancellationToken).ConfigureAwait(false))
        {
            await flow.CancelAsync(open, command.User, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await offboarding.OffboardAsync(account, command.User.Id, cancellationToken).ConfigureAwait(false);
        await confirmations.ShowAsync(command, answer, w => ReplyViews.Offboarded(w, outcome), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A button from a card that named no question cannot prove it is the first answer: it changes nothing.</summary>
    private Task AskAgainAsync(ChatCommand command, CancellationToken cancellationToken) =>
        Replies.ReplyAsync(
            command,
            w => ReplyViews.Notice(w, Phrase.Of(nameof(Reply_OlderCardTitle)), Phrase.Of(nameof(Reply_OlderCard))),
            cancellationToken);
}

/// <summary>
/// The offboarded card's "Sign in to revoke it": a one-hour re-authorization whose admin token revokes the
/// certificates NetSuite would not let the app's own role revoke.
/// </summary>
public sealed class RevokeWithAdminRoute(Reauthorizations reauthorizations, StaffPolicy staff, CommandReplies replies) : StaffRoute(staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.RevokeWithAdmin];

    protected override async Task HandleStaffAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var (ok, account) = await Replies.AccountAsync(command, required: true, cancellationToken).ConfigureAwait(false);
        var certificates = command.Data.GetValueOrDefault(OnboardingVerbs.CertificatesKey, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ok && certificates.Length > 0)
        {
            await reauthorizations.RequestAsync(command.Conversation, command.User, account!.Value, ReauthorizationPurpose.RevokeCertificates, certificates, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The welcome card, sent by a channel when the bot joins a conversation.</summary>
public sealed class WelcomeRoute(Microsoft.Extensions.Options.IOptions<OnboardingOptions> options, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Welcome];

    public bool AnswersAtOnce => true;

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken) =>
        replies.ReplyAsync(command, w => WelcomeView.Create(w, options.Value.AppName), cancellationToken);
}

/// <summary><c>help</c>, the welcome card's How it works, and the answer to anything not understood.</summary>
public sealed class HelpRoute(Microsoft.Extensions.Options.IOptions<OnboardingOptions> options, CommandReplies replies) : IChatCommandRoute
{
    public IReadOnlyCollection<string> Verbs { get; } = [OnboardingVerbs.Help, ChatVerbs.HowItWorks];

    public bool AnswersAtOnce => true;

    public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        if (command.Verb.Equals(ChatVerbs.HowItWorks, StringComparison.OrdinalIgnoreCase))
        {
            return replies.ReplyAsync(command, w => HowItWorksView.Create(w, options.Value.AppName), cancellationToken);
        }

        var understood = command.Verb.Equals(OnboardingVerbs.Help, StringComparison.OrdinalIgnoreCase);
        return replies.ReplyAsync(
            command,
            w =>
            {
                var help = HelpView.Create(w) with { Title = w.Say(nameof(Help_TitleOfApp), options.Value.AppName) };
                return understood ? help : help with { Body = [w.Say(nameof(Help_NotUnderstood), Shorten(command.Verb)), .. help.Body] };
            },
            cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
