using Microsoft.Extensions.Logging;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Integration;

public sealed class MachineAccessAgainstSandboxTests
{
    public static TheoryData<KeyAlgorithm> Families => new(KeyAlgorithm.EcP256, KeyAlgorithm.EcP521, KeyAlgorithm.Rsa3072);

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Key_pair_upload_token_query_and_revoke_work_end_to_end(KeyAlgorithm algorithm)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.ControlAsync($"accounts/{SandboxHost.AccountText}/bundles/500123/install");
        var admin = await AdminTokenAsync(sandbox);
        var certificates = sandbox.Clients.Get<ICertificateClient>();
        var tokens = sandbox.Clients.Get<IClientCredentialsTokens>();
        var suiteQl = sandbox.Clients.Get<ISuiteQlClient>();

        var material = sandbox.Clients.Get<IKeyMaterialFactory>().Create(algorithm, SandboxHost.AccountText, TimeSpan.FromDays(730));
        var uploaded = await certificates.UploadAsync(SandboxHost.Account, admin, material.CertificatePem, SandboxHost.AppRoleId, SandboxHost.AdminEntityId, CancellationToken.None);
        Assert.True(uploaded.IsSuccess, uploaded.Error?.Explanation.En() + " " + uploaded.Error?.Detail);
        Assert.Equal(SandboxHost.AppRoleId, uploaded.Value.RoleId);
        Assert.Equal(algorithm.IsRsa() ? "RSA" : "EC", uploaded.Value.Algorithm);

        var listed = await certificates.ListAsync(SandboxHost.Account, admin, CancellationToken.None);
        Assert.Contains(listed.Value!, c => c.CertificateId == uploaded.Value.CertificateId && !c.Revoked);

        var credential = new MachineCredential(SandboxHost.Account, uploaded.Value.CertificateId, algorithm, material.PrivateKeyPkcs8);
        var machine = await tokens.GetAsync(credential, CancellationToken.None);
        Assert.True(machine.IsSuccess, machine.Error?.Explanation.En());

        // The app's role reads its own configuration record (the connection probe), and not the role table (least privilege).
        var probe = await suiteQl.QueryAsync(SandboxHost.Account, machine.Value, "SELECT id FROM customrecord_onboarding_config", null, CancellationToken.None, limit: 1);
        Assert.True(probe.IsSuccess, probe.Error?.Explanation.En() + " " + probe.Error?.Detail);
        var roles = await suiteQl.QueryAsync(SandboxHost.Account, machine.Value, "SELECT id FROM role", null, CancellationToken.None);
        Assert.Equal(NetSuiteErrorKind.PermissionMissing, roles.Error?.Kind);

        var revoked = await certificates.RevokeAsync(SandboxHost.Account, admin, uploaded.Value.CertificateId, CancellationToken.None);
        Assert.True(revoked.IsSuccess, revoked.Error?.Explanation.En());

        tokens.Invalidate(SandboxHost.Account);
        var refused = await tokens.GetAsync(credential, CancellationToken.None);
        Assert.Equal(NetSuiteErrorKind.CertificateRejected, refused.Error?.Kind);
    }

    [Fact]
    public async Task A_rate_limited_query_is_retried_to_success_and_only_the_refused_attempts_are_warnings()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.ControlAsync($"accounts/{SandboxHost.AccountText}/bundles/500123/install");
        var admin = await AdminTokenAsync(sandbox);
        await sandbox.InjectFaultAsync("*/suiteql", 429, "CONCURRENCY_LIMIT_EXCEEDED", count: 2);
        sandbox.Clients.Logs.Clear();

        var rows = await sandbox.Clients.Get<ISuiteQlClient>().QueryAsync(SandboxHost.Account, admin, "SELECT id FROM role WHERE scriptid = ?", ["customrole_onboarding_app"], CancellationToken.None);

        Assert.True(rows.IsSuccess, rows.Error?.Explanation.En());
        Assert.Equal("[]", await sandbox.PendingFaultsAsync());

        // Polly's own line for each attempt: the one that went well is at Debug, or the host's default level would log
        // one for every NetSuite request (docs/operations.md, Logs).
        var attempts = sandbox.Clients.Logs.GetSnapshot()
            .Where(l => l.Category == "Polly" && l.Message.StartsWith("Execution attempt", StringComparison.Ordinal))
            .Select(l => (l.Level, l.GetStructuredStateValue("Result")));
        Assert.Equal([(LogLevel.Warning, "429"), (LogLevel.Warning, "429"), (LogLevel.Debug, "200")], attempts);
    }

    [Fact]
    public async Task Bundle_check_RESTlet_says_not_deployed_until_the_bundle_is_installed()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var admin = await AdminTokenAsync(sandbox);
        var restlets = sandbox.Clients.Get<IRestletClient>();
        var bundleCheck = new RestletId("customscript_onboarding_bundle_check", "customdeploy_onboarding_bundle_check");
        var query = new Dictionary<string, string> { ["bundleId"] = "500123" };

        var before = await restlets.GetAsync(SandboxHost.Account, admin, bundleCheck, query, CancellationToken.None);
        await sandbox.ControlAsync($"accounts/{SandboxHost.AccountText}/bundles/500123/install");
        var after = await restlets.GetAsync(SandboxHost.Account, admin, bundleCheck, query, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.ScriptNotDeployed, before.Error?.Kind);
        Assert.True(after.IsSuccess, after.Error?.Explanation.En());
        Assert.True(after.Value.GetProperty("installed").GetBoolean());
    }

    private static async Task<BearerToken> AdminTokenAsync(SandboxHost sandbox)
    {
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(SandboxHost.Account);
        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);
        var tokens = await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, start.CodeVerifier, CancellationToken.None);
        Assert.True(tokens.IsSuccess, tokens.Error?.Explanation.En());
        return tokens.Value.AccessToken;
    }
}
