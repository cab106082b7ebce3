using System.Collections.Concurrent;
using System.Web;
using Microsoft.Extensions.Logging;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Integration;

public sealed class SecretsNeverLoggedTests
{
    [Fact]
    public async Task A_full_exchange_logged_at_trace_contains_no_token_code_verifier_assertion_or_private_key()
    {
        var assertions = new ConcurrentBag<string>();
        await using var sandbox = await SandboxHost.StartAsync(() => new WireRecorder(assertions));
        await sandbox.ControlAsync($"accounts/{SandboxHost.AccountText}/bundles/500123/install");
        var authorization = sandbox.Clients.Get<INetSuiteAuthorization>();

        var start = authorization.BeginAuthorization(SandboxHost.Account);
        var callback = await sandbox.ConsentAsync(start.AuthorizeUrl);
        var delegated = (await authorization.ExchangeCodeAsync(SandboxHost.Account, callback.Code!, start.CodeVerifier, CancellationToken.None)).Value!;
        var refreshed = (await authorization.RefreshAsync(SandboxHost.Account, delegated.RefreshToken!.Value, CancellationToken.None)).Value!;
        var material = sandbox.Clients.Get<IKeyMaterialFactory>().Create(KeyAlgorithm.EcP256, SandboxHost.AccountText, TimeSpan.FromDays(30));
        var uploaded = (await sandbox.Clients.Get<ICertificateClient>().UploadAsync(SandboxHost.Account, refreshed.AccessToken, material.CertificatePem, SandboxHost.AppRoleId, SandboxHost.AdminEntityId, CancellationToken.None)).Value!;
        var credential = new MachineCredential(SandboxHost.Account, uploaded.CertificateId, KeyAlgorithm.EcP256, material.PrivateKeyPkcs8);
        var machine = (await sandbox.Clients.Get<IClientCredentialsTokens>().GetAsync(credential, CancellationToken.None)).Value;
        await sandbox.Clients.Get<ISuiteQlClient>().QueryAsync(SandboxHost.Account, machine, "SELECT id FROM role", null, CancellationToken.None);
        await sandbox.Clients.Get<IRestletClient>().GetAsync(SandboxHost.Account, machine, new RestletId("customscript_onboarding_bundle_check", "customdeploy_onboarding_bundle_check"), null, CancellationToken.None);
        await authorization.RevokeAsync(SandboxHost.Account, refreshed.RefreshToken!.Value, CancellationToken.None);

        var secrets = new List<string>
        {
            callback.Code!, start.CodeVerifier, start.State,
            delegated.AccessToken.Value, delegated.RefreshToken.Value.Value,
            refreshed.AccessToken.Value, refreshed.RefreshToken.Value.Value,
            machine.Value,
            Convert.ToBase64String(material.PrivateKeyPkcs8),
        };
        secrets.AddRange(assertions);
        Assert.NotEmpty(assertions);

        var logs = sandbox.Clients.Logs.GetSnapshot();
        Assert.True(sandbox.Clients.Get<ILoggerFactory>().CreateLogger("probe").IsEnabled(LogLevel.Trace));
        Assert.Contains(logs, l => l.Category != null && l.Category.StartsWith("Onboarding.Engine", StringComparison.Ordinal));
        foreach (var record in logs)
        {
            var text = string.Join(
                '\n',
                new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
                    .Concat(record.StructuredState?.Select(kv => kv.Value ?? string.Empty) ?? []));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"Secret #{secrets.IndexOf(secret)} (length {secret.Length}) appeared in log '{record.Category}': {record.Message}");

                // A secret may also appear encoded, e.g. inside a logged URL.
                Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Sees the requests on the wire to learn the client assertions, which never leave the engine otherwise.</summary>
    private sealed class WireRecorder(ConcurrentBag<string> assertions) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is FormUrlEncodedContent form)
            {
                var assertion = HttpUtility.ParseQueryString(await form.ReadAsStringAsync(cancellationToken))["client_assertion"];
                if (assertion is not null)
                {
                    assertions.Add(assertion);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
