using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Storage;

/// <summary>The account is held by another authorized, open onboarding (enforced by a unique index).</summary>
public sealed class OpenOnboardingExistsException(AccountId? account, Exception inner)
    : Exception($"Account {account} already has an open onboarding.", inner)
{
    public AccountId? Account { get; } = account;
}
