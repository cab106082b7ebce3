using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>
/// A tenant this instance has claimed for a check: its health as stored when claimed, its active key (null when it has
/// none), and the claim's holder name, which every write of the result must present.
/// </summary>
public sealed record ClaimedTenant(TenantHealth Health, TenantKey? ActiveKey, string Holder)
{
    public AccountId Account => Health.Account;
}
