using Microsoft.Extensions.Options;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.Commands;
using static Onboarding.Bot.Log;

namespace Onboarding.Bot.Security;

/// <summary>Says at start-up who holds which role, and — loudly — when the local demo hands every role to everyone.</summary>
internal sealed class AccessAnnouncement(IOptions<OnboardingOptions> onboarding, LocalDemoRoles demo, ILogger<AccessAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var roles = onboarding.Value.Roles;
        StaffRolesConfigured(logger, roles.Operations.Count, roles.Success.Count);
        foreach (var (_, key, entry) in roles.Entries)
        {
            if (StaffMember.TryParse(entry, out var member, out _) && !member.LooksLikeEntraIds)
            {
                StaffEntryNotEntraIds(logger, key);
            }
        }

        if (demo.IsActive)
        {
            LocalDemoRolesGranted(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
