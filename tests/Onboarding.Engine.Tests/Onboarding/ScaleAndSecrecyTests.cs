using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class ScaleAndSecrecyTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Fifty_onboardings_of_different_accounts_in_parallel_finish_without_cross_talk(StorageProvider provider)
    {
        var accounts = Enumerable.Range(1, 50).Select(i => $"{2000000 + i}_SB1").ToList();
        await using var harness = await FlowHarness.StartAsync(extraAccounts: accounts, provider: provider);
        var conversations = accounts.ToDictionary(a => a, a => new ConversationKey("msteams", "tenant-1", "conversation-" + a));

        var sessions = await Task.WhenAll(accounts.Select(a => Task.Run(() => harness.OnboardAsync(a, conversations[a]))));

        Assert.All(sessions, s => Assert.True(s.Status == SessionStatus.Completed, FlowHarness.Describe(harness.Publisher.Card(s.Id.Value))));
        foreach (var account in accounts)
        {
            var session = sessions.Single(s => s.AccountText == account);
            Assert.Equal(conversations[account], session.Conversation);
            Assert.Equal(1, await harness.ActiveSandboxCertificatesAsync(account));
            Assert.All(harness.Publisher.All.Where(m => m.Conversation == conversations[account]), m => Assert.DoesNotContain(accounts.Where(a => a != account), other => m.View.Title.Contains(other, StringComparison.Ordinal)));
            Assert.Contains(harness.Publisher.Card(session.Id.Value)!.Checklist, i => i.Detail is { } d && d.Contains($"Company {account}", StringComparison.Ordinal));
        }

        Assert.Equal(50, await harness.ScalarAsync("SELECT COUNT(*) FROM tenants WHERE status = 'Connected'"));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task The_database_holds_no_token_code_verifier_state_or_private_key_after_a_full_onboarding(StorageProvider provider)
    {
        var secrets = new SecretRecorder();
        await using var harness = await FlowHarness.StartAsync(
            services: s =>
            {
                s.Decorate<INetSuiteAuthorization>((inner, _) => new RecordingAuthorization(inner, secrets));
                s.Decorate<IClientCredentialsTokens>((inner, _) => new RecordingMachineTokens(inner, secrets));
                s.Decorate<IKeyMaterialFactory>((inner, _) => new RecordingKeyFactory(inner, secrets));
            },
            provider: provider);
        await harness.SendAsync("onboard", FlowHarness.DemoAccount);
        var callback = await harness.ConsentAsync(await harness.CardAsync());
        secrets.Add(callback.Code!);
        secrets.Add(callback.State!);
        await harness.CallbackAsync(callback);
        await harness.InstallBundleAsync();
        await harness.PressAsync(await harness.CardAsync(), "I've installed it");
        Assert.Equal(SessionStatus.Completed, (await harness.SessionAsync()).Status);
        Assert.True(secrets.Count >= 7, $"only {secrets.Count} secrets captured");

        foreach (var (name, bytes) in await StoredBytesAsync(harness))
        {
            foreach (var secret in secrets.All)
            {
                Assert.True(bytes.AsSpan().IndexOf(secret) < 0, $"{name} contains a secret in plain text ({secret.Length} bytes)");
            }
        }
    }

    /// <summary>Everything the database holds: SQLite's files byte for byte; on PostgreSQL every row of every table as text.</summary>
    private static async Task<IReadOnlyList<(string Name, byte[] Bytes)>> StoredBytesAsync(FlowHarness harness)
    {
        if (harness.Storage.Provider == StorageProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var files = Directory.GetFiles(Path.GetDirectoryName(harness.DatabasePath)!, "onboarding.db*");
            Assert.NotEmpty(files);
            return [.. await Task.WhenAll(files.Select(async f => (Path.GetFileName(f), await File.ReadAllBytesAsync(f))))];
        }

        var database = harness.Storage.Database;
        var tables = await StorageTransaction.ReadAsync(database, read => read.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", null, CancellationToken.None), CancellationToken.None);
        Assert.Contains("tenant_keys", tables);
        var dumps = new List<(string, byte[])>();
        foreach (var table in tables)
        {
            var rows = await StorageTransaction.ReadAsync(database, read => read.QueryAsync<string>(
                $"SELECT row_to_json(t)::text FROM {table} t", null, CancellationToken.None), CancellationToken.None);
            dumps.Add((table, Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        }

        return dumps;
    }

    private sealed class SecretRecorder
    {
        private readonly ConcurrentBag<byte[]> _secrets = [];

        public int Count => _secrets.Count;

        public IEnumerable<byte[]> All => _secrets;

        public void Add(string secret) => _secrets.Add(Encoding.UTF8.GetBytes(secret));

        public void Add(byte[] secret)
        {
            _secrets.Add(secret);
            _secrets.Add(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
        }
    }

    private sealed class RecordingAuthorization(INetSuiteAuthorization inner, SecretRecorder secrets) : INetSuiteAuthorization
    {
        public AuthorizationStart BeginAuthorization(AccountId? account)
        {
            var start = inner.BeginAuthorization(account);
            secrets.Add(start.State);
            secrets.Add(start.CodeVerifier);
            return start;
        }

        public async Task<NetSuiteResult<DelegatedTokens>> ExchangeCodeAsync(AccountId account, string code, string codeVerifier, CancellationToken cancellationToken) =>
            Record(await inner.ExchangeCodeAsync(account, code, codeVerifier, cancellationToken));

        public async Task<NetSuiteResult<DelegatedTokens>> RefreshAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken) =>
            Record(await inner.RefreshAsync(account, refreshToken, cancellationToken));

        public Task<NetSuiteResult<bool>> RevokeAsync(AccountId account, BearerToken refreshToken, CancellationToken cancellationToken) =>
            inner.RevokeAsync(account, refreshToken, cancellationToken);

        private NetSuiteResult<DelegatedTokens> Record(NetSuiteResult<DelegatedTokens> result)
        {
            if (result.IsSuccess)
            {
                secrets.Add(result.Value.AccessToken.Value);
                if (result.Value.RefreshToken is { } refresh)
                {
                    secrets.Add(refresh.Value);
                }
            }

            return result;
        }
    }

    private sealed class RecordingMachineTokens(IClientCredentialsTokens inner, SecretRecorder secrets) : IClientCredentialsTokens
    {
        public async Task<NetSuiteResult<BearerToken>> GetAsync(MachineCredential credential, CancellationToken cancellationToken)
        {
            var result = await inner.GetAsync(credential, cancellationToken);
            if (result.IsSuccess)
            {
                secrets.Add(result.Value.Value);
            }

            return result;
        }

        public void Invalidate(AccountId account) => inner.Invalidate(account);
    }

    private sealed class RecordingKeyFactory(IKeyMaterialFactory inner, SecretRecorder secrets) : IKeyMaterialFactory
    {
        public TenantKeyMaterial Create(KeyAlgorithm algorithm, string accountId, TimeSpan validity)
        {
            var material = inner.Create(algorithm, accountId, validity);
            secrets.Add(material.PrivateKeyPkcs8.ToArray());
            return material;
        }
    }
}
