using System.Collections.Concurrent;
using System.Web;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// Connects many sandbox accounts the way the flow leaves them: an administrator consents, the engine's own clients
/// exchange the code and upload the certificate, and the tenant and its active key are stored. One key pair serves
/// every tenant (generating 10,000 would only slow the set-up; a check signs with whatever key the tenant has).
/// </summary>
public static class TenantFleet
{
    public static async Task<IReadOnlyList<AccountId>> ConnectAsync(IServiceProvider services, int count, int parallelism, TimeProvider clock)
    {
        var authorization = services.GetRequiredService<INetSuiteAuthorization>();
        var certificates = services.GetRequiredService<ICertificateClient>();
        var material = services.GetRequiredService<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, TenantSeed.AccountId(0), TimeSpan.FromDays(730));
        using var browser = new AdminBrowser(new Uri("http://127.0.0.1/"));

        var uploaded = new ConcurrentDictionary<AccountId, UploadedCertificate>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            var account = AccountId.Parse(TenantSeed.AccountId(i));
            var start = authorization.BeginAuthorization(account);
            var redirect = await browser.ConsentAsync(start.AuthorizeUrl);
            var code = HttpUtility.ParseQueryString(redirect.Query)["code"] ?? throw new InvalidOperationException($"No code in {redirect}");
            var admin = await authorization.ExchangeCodeAsync(account, code, start.CodeVerifier, ct);
            if (!admin.IsSuccess || admin.Value is null)
            {
                throw new InvalidOperationException($"Code exchange for {account} failed: {admin.Error}");
            }

            var certificate = await certificates.UploadAsync(account, admin.Value.AccessToken, material.CertificatePem, TenantSeed.RoleId, TenantSeed.EntityId, ct);
            if (!certificate.IsSuccess)
            {
                throw new InvalidOperationException($"Upload to {account} failed: {certificate.Error}");
            }

            uploaded[account] = certificate.Value!;
        });

        var database = services.GetRequiredService<Database>();
        var tenants = services.GetRequiredService<TenantStore>();
        var keys = services.GetRequiredService<TenantKeyStore>();
        var now = clock.GetUtcNow();
        await using var transaction = await StorageTransaction.BeginAsync(database, write: true, CancellationToken.None);
        foreach (var (account, certificate) in uploaded)
        {
            var tenant = new Tenant(account, TenantStatus.Connected)
            {
                CompanyName = $"Tenant {account}",
                AppRoleId = TenantSeed.RoleId,
                EntityId = TenantSeed.EntityId,
                ConnectedAt = now,
            };
            await tenants.UpsertAsync(transaction, tenant, now, CancellationToken.None);
            var key = await keys.AddPendingAsync(transaction, account, null, material, TenantSeed.RoleId, TenantSeed.EntityId, now, CancellationToken.None);
            await keys.ActivateAsync(transaction, key.Id, certificate.CertificateId, certificate.ValidUntil, now, CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return [.. uploaded.Keys];
    }
}
