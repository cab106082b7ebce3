using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.TestDoubles;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.NetSuite;

/// <summary>Instances sharing a database share each tenant's client-credentials token: one mint at a time, fleet-wide.</summary>
public sealed class SharedMachineTokensTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");
    private static readonly IDataProtectionProvider KeyRing = new EphemeralDataProtectionProvider();

    [SkippableTheory]
    [StorageProviders]
    public async Task While_one_instance_mints_for_a_tenant_the_other_waits_and_then_uses_its_token(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        await using var otherDatabase = temp.Open();
        var release = new TaskCompletionSource();
        var netsuite = new StubNetSuiteHandler().Always(_ =>
        {
            release.Task.Wait();
            return StubNetSuiteHandler.Json(HttpStatusCode.OK, """{"access_token":"cc-shared","expires_in":3600,"token_type":"Bearer"}""");
        });
        using var first = Instance(netsuite, temp.Database, "instance-a");
        using var second = Instance(netsuite, otherDatabase, "instance-b");
        var credential = Credential(first);

        var minting = first.Get<IClientCredentialsTokens>().GetAsync(credential, CancellationToken.None);
        await Eventually.UntilAsync(() => !netsuite.Requests.IsEmpty, "the mint to reach NetSuite");
        var waiting = second.Get<IClientCredentialsTokens>().GetAsync(credential, CancellationToken.None);

        // Give the second instance time to look and to try the mint lease while the first holds it; had it minted, NetSuite
        // would have seen a second request.
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(1)));
        release.SetResult();
        var results = await Task.WhenAll(minting, waiting);

        Assert.All(results, r => Assert.Equal("cc-shared", r.Value.Value));
        Assert.Single(netsuite.Requests);
        var stored = Convert.ToString(await temp.ScalarAsync("SELECT protected_token FROM machine_tokens"), CultureInfo.InvariantCulture);
        Assert.DoesNotContain("cc-shared", stored, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_token_refused_on_one_instance_is_replaced_by_a_fresh_mint_not_looked_up_again(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateMigratedAsync(provider);
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.OK, """{"access_token":"cc-1","expires_in":3600,"token_type":"Bearer"}""")
            .Then(HttpStatusCode.OK, """{"access_token":"cc-2","expires_in":3600,"token_type":"Bearer"}""");
        using var first = Instance(netsuite, temp.Database, "instance-a");
        using var second = Instance(netsuite, temp.Open(), "instance-b");
        var credential = Credential(first);
        var firstTokens = first.Get<IClientCredentialsTokens>();

        var minted = await firstTokens.GetAsync(credential, CancellationToken.None);
        var shared = await second.Get<IClientCredentialsTokens>().GetAsync(credential, CancellationToken.None);
        firstTokens.Invalidate(Account);
        var fresh = await firstTokens.GetAsync(credential, CancellationToken.None);

        Assert.Equal("cc-1", minted.Value.Value);
        Assert.Equal("cc-1", shared.Value.Value);
        Assert.Equal("cc-2", fresh.Value.Value);
        Assert.Equal(2, netsuite.Requests.Count);
        Assert.True(firstTokens.TryGetCached(Account, credential.CertificateId, out var cached));
        Assert.Equal("cc-2", cached.Value);
    }

    private static NetSuiteTestHost Instance(StubNetSuiteHandler netsuite, Database database, string name) =>
        new(netsuite, fakeTime: false, services: services =>
        {
            services.AddSingleton(database);
            services.AddSingleton(new InstanceIdentity(name));
            services.AddWorkCoordination();
            services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(KeyRing));
            services.AddSingleton<IMachineTokenStore, MachineTokenStore>();
        });

    private static MachineCredential Credential(NetSuiteTestHost host)
    {
        var material = host.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, Account.Value, TimeSpan.FromDays(30));
        return new MachineCredential(Account, "cert-1", KeyAlgorithm.EcP256, material.PrivateKeyPkcs8);
    }
}
