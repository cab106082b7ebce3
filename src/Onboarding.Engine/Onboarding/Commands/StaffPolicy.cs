using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Onboarding.Commands;

/// <summary>Who counts as the vendor's staff: the chat user ids listed in <c>Onboarding:StaffUserIds</c>.</summary>
public sealed class StaffPolicy(IOptionsMonitor<OnboardingOptions> options)
{
    public bool IsStaff(ChatUser user) => options.CurrentValue.StaffUserIds.Contains(user.Id, StringComparer.Ordinal);
}
