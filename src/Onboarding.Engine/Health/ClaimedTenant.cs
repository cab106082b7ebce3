using Onboarding.Engine.Keys;

namespace Onboarding.Engine.Health;

/// <summary>
/// A tenant this instance has claimed for a check: the tenant as alerts name it, its health as stored when claimed, its active
/// key (null when it has none), and the claim's holder name, which every write of the result must present.
/// </summary>
public sealed record ClaimedTenant(MonitoredTenant Tenant, TenantHealth Health, TenantKey? ActiveKey, string Holder);
