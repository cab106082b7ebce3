using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;

namespace Onboarding.Engine.Health.Commands;

/// <summary><c>rotate &lt;account&gt;</c> and the alert's Rotate button: a destructive action, so it asks on a second card first.</summary>
public sealed class RotateRoute(ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies) : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [ChatVerbs.Rotate];

    protected override Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken) =>
        Replies.ReplyAsync(command, CertificateViews.ConfirmRotation(tenant), cancellationToken);
}

/// <summary>The confirmation's button: rotates now, with the app's own token, and says how it went.</summary>
public sealed class RotateConfirmedRoute(CertificateRotation rotation, ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies)
    : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [HealthVerbs.RotateConfirmed];

    protected override async Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken)
    {
        var outcome = await rotation.RotateAsync(tenant.Account, null, $"rotate by {command.User.Id}", cancellationToken).ConfigureAwait(false);
        var view = outcome.Status == RotationStatus.Rotated ? CertificateViews.Rotated(tenant, outcome) : CertificateViews.RotationFailed(tenant, outcome);
        await Replies.ReplyAsync(command, view, cancellationToken).ConfigureAwait(false);
    }
}
