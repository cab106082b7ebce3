using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Integration;

public sealed class AuthorizationCodeAgainstSandboxTests
{
    [Fact]
    public async Task Consent_code_exchange_refresh_and_revoke_work_against_the_sandbox()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(SandboxHost.Account);

        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);
        Assert.Equal(start.State, callback.State);
        Assert.Equal(SandboxHost.AccountText, callback.Company);

        var tokens = await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, start.CodeVerifier, CancellationToken.None);
        Assert.True(tokens.IsSuccess, tokens.Error?.Explanation.En());
        Assert.NotNull(tokens.Value.RefreshToken);
        Assert.True(tokens.Value.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));

        var refreshed = await authorization.RefreshAsync(SandboxHost.Account, tokens.Value.RefreshToken!.Value, CancellationToken.None);
        Assert.True(refreshed.IsSuccess, refreshed.Error?.Explanation.En());
        Assert.NotEqual(tokens.Value.RefreshToken, refreshed.Value.RefreshToken);

        var reused = await authorization.RefreshAsync(SandboxHost.Account, tokens.Value.RefreshToken!.Value, CancellationToken.None);
        Assert.Equal(NetSuiteErrorKind.InvalidGrant, reused.Error?.Kind);

        var revoked = await authorization.RevokeAsync(SandboxHost.Account, refreshed.Value.RefreshToken!.Value, CancellationToken.None);
        Assert.True(revoked.IsSuccess, revoked.Error?.Explanation.En());
        var afterRevoke = await authorization.RefreshAsync(SandboxHost.Account, refreshed.Value.RefreshToken!.Value, CancellationToken.None);
        Assert.Equal(NetSuiteErrorKind.InvalidGrant, afterRevoke.Error?.Kind);
    }

    [Fact]
    public async Task Authorizing_on_the_system_domain_learns_the_account_from_the_callback()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(null);

        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);
        var account = AccountId.Parse(callback.Company);

        var tokens = await authorization.ExchangeCodeAsync(account, callback.Code!, start.CodeVerifier, CancellationToken.None);
        Assert.True(tokens.IsSuccess, tokens.Error?.Explanation.En());
    }

    [Fact]
    public async Task A_replayed_code_is_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(SandboxHost.Account);
        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);
        await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, start.CodeVerifier, CancellationToken.None);

        var replayed = await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, start.CodeVerifier, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.InvalidGrant, replayed.Error?.Kind);
    }

    [Fact]
    public async Task A_wrong_verifier_is_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(SandboxHost.Account);
        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);

        var tokens = await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, authorization.BeginAuthorization(null).CodeVerifier, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.InvalidGrant, tokens.Error?.Kind);
    }
}
