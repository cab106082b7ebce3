using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.Teams;

namespace Onboarding.Bot.Sandbox;

/// <summary>In sandbox mode, once the bot listens, says where everything is: the bot endpoint, the sandbox, the demo account, the Playground command.</summary>
internal sealed class SandboxAnnouncement(
    EmbeddedSandbox sandbox,
    IConfiguration configuration,
    IServer server,
    IOptions<BotOptions> bot,
    ILogger<SandboxAnnouncement> logger) : IHostedLifecycleService
{
    /// <summary>The redirect URIs registered on the sandbox's demo integration record.</summary>
    private static readonly string[] DemoRedirectUris =
    [
        "http://localhost:3978/oauth/netsuite/callback",
        "http://127.0.0.1:3978/oauth/netsuite/callback",
    ];

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (NetSuiteRegistration.ModeOf(configuration) != NetSuiteMode.Sandbox)
        {
            return Task.CompletedTask;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? bot.Value.PublicBaseUrl;
        var endpoint = listening.TrimEnd('/') + TeamsChannelRegistration.MessagesPath;
        Log.SandboxReady(logger, sandbox.BaseAddress.AbsoluteUri, EmbeddedSandbox.DemoAccount, sandbox.AccountBase(EmbeddedSandbox.DemoAccount).AbsoluteUri, EmbeddedSandbox.SecondDemoAccount);
        Log.TryItLocally(logger, endpoint, $"npx agentsplayground -e {endpoint} -c msteams");

        var redirect = bot.Value.OAuthRedirectUri.AbsoluteUri;
        if (!DemoRedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            Log.SandboxRedirectMismatch(logger, redirect, string.Join(" or ", DemoRedirectUris));
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
