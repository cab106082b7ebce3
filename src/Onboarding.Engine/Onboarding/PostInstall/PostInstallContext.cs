using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>What a routine works with: the tenant, the app's role and entity, and the machine (client-credentials) token.</summary>
public sealed record PostInstallContext(AccountId Account, long AppRoleId, long EntityId, BearerToken MachineToken);
