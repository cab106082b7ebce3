using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>The accounts of this sandbox instance, found by host label.</summary>
internal sealed class AccountRegistry : IDisposable
{
    private readonly Dictionary<string, Account> _byLabel;

    public AccountRegistry(IOptions<SandboxOptions> options, TimeProvider clock)
    {
        var seed = SeedLoader.Load(options.Value.SeedFile);
        _byLabel = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in seed.Accounts)
        {
            var label = HostLabel.For(account.Id);
            if (!_byLabel.TryAdd(label, new Account(account, options.Value, clock.GetUtcNow())))
            {
                throw new InvalidOperationException($"The seed lists account {account.Id} twice.");
            }
        }
    }

    public IEnumerable<Account> All => _byLabel.Values;

    /// <summary>Finds an account by host label (<c>1234567-sb1</c>) or account id (<c>1234567_SB1</c>).</summary>
    public Account? Find(string labelOrId) => _byLabel.GetValueOrDefault(HostLabel.For(labelOrId));

    public void Dispose()
    {
        foreach (var account in _byLabel.Values)
        {
            account.Dispose();
        }
    }
}
