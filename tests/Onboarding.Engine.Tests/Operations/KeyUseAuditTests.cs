using Onboarding.Engine.Health;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Health;

namespace Onboarding.Engine.Tests.Operations;

/// <summary>Every signature with a tenant's key is in the audit log, with who used it; cached tokens add nothing.</summary>
public sealed class KeyUseAuditTests
{
    [Fact]
    public async Task Health_check_mints_are_audited_once_per_token_with_the_monitor_as_user()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var before = await CountAsync(harness, TenantChecks.KeyUser);

        await harness.CycleAsync();
        var whileCached = await CountAsync(harness, TenantChecks.KeyUser);
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(59));
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(6));

        // The first check reuses the token the onboarding minted; once it is due for renewal the monitor signs a new
        // assertion (audited), and the next check reuses that token (nothing to audit).
        Assert.Equal(0, before);
        Assert.Equal(0, whileCached);
        Assert.Equal(1, await CountAsync(harness, TenantChecks.KeyUser));
        var health = await harness.HealthAsync();
        Assert.Equal((3L, 0L), (health.ChecksPassed, health.ChecksFailed));
        var verification = await harness.Flow.Get<AuditTrail>().VerifyAsync(harness.Account.Value, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
    }

    private static async Task<long> CountAsync(HealthHarness harness, string user) =>
        await harness.Flow.ScalarAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{AuditedKeyUse.Action}' AND actor = '{user}' AND detail LIKE 'certificate %'");
}
