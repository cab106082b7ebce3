using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;

namespace Onboarding.Engine.Health.Commands;

/// <summary>
/// <c>rotate &lt;account&gt;</c> and the alert's Rotate button: a destructive action, so it asks first on a question card
/// that is answered once.
/// </summary>
public sealed class RotateRoute(ConfirmationCards confirmations, ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies) : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [ChatVerbs.Rotate];

    protected override Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken) =>
        confirmations.AskAsync(command, ChatVerbs.Rotate, tenant.Account.Value, (w, question) => CertificateViews.ConfirmRotation(w, tenant, question), cancellationToken);
}

/// <summary>
/// The question card's buttons: rotate now, with the app's own token, or keep the certificate. The first click answers;
/// the answer, then the outcome, replace the question in place. When the app's role cannot manage certificates the
/// outcome offers a one-hour re-authorization.
/// </summary>
public sealed class RotateConfirmedRoute(CertificateRotation rotation, ConfirmationCards confirmations, ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies)
    : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [HealthVerbs.RotateConfirmed, HealthVerbs.RotateKept];

    protected override async Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        var keep = command.Verb.Equals(HealthVerbs.RotateKept, StringComparison.OrdinalIgnoreCase);
        var answer = await confirmations.TryAnswerAsync(command, ChatVerbs.Rotate, keep ? ConfirmationCards.Kept : ConfirmationCards.Confirmed, cancellationToken).ConfigureAwait(false);
        if (answer.State == ConfirmationState.NotAsked)
        {
            // A button that names no question cannot prove it is the first answer: ask again.
            await confirmations.AskAsync(command, ChatVerbs.Rotate, tenant.Account.Value, (w, question) => CertificateViews.ConfirmRotation(w, tenant, question), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (answer.State == ConfirmationState.AlreadyAnswered || answer.Subject != tenant.Account.Value)
        {
            return;
        }

        if (keep)
        {
            await confirmations.ShowAsync(command, answer, w => CertificateViews.RotationKept(w, tenant, command.User), cancellationToken).ConfigureAwait(false);
            return;
        }

        await confirmations.ShowAsync(command, answer, w => CertificateViews.Rotating(w, tenant, command.User), cancellationToken).ConfigureAwait(false);
        var outcome = await rotation.RotateAsync(tenant.Account, null, $"rotate by {command.User.Id}", cancellationToken).ConfigureAwait(false);
        await confirmations.ShowAsync(
            command,
            answer,
            w => outcome.Status == RotationStatus.Rotated ? CertificateViews.Rotated(w, tenant, outcome) : CertificateViews.RotationFailed(w, tenant, outcome),
            cancellationToken).ConfigureAwait(false);
    }
}
