using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;
using Onboarding.Engine.Onboarding.AdminReauthorization;

namespace Onboarding.Engine.Health.Commands;

/// <summary>The alert's and the rotation card's Re-authorize button: a one-hour re-authorization whose admin token rotates the certificate.</summary>
public sealed class ReauthorizeRoute(Reauthorizations reauthorizations, ITenantDirectory tenants, StaffPolicy staff, CommandReplies replies) : TenantRoute(tenants, staff, replies)
{
    public override IReadOnlyCollection<string> Verbs { get; } = [HealthVerbs.Reauthorize];

    protected override Task HandleTenantAsync(ChatCommand command, MonitoredTenant tenant, CancellationToken cancellationToken) =>
        reauthorizations.RequestAsync(command.Conversation, command.User, tenant.Account, ReauthorizationPurpose.RotateCertificate, [], cancellationToken);
}
