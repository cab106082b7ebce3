using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// The built host as a child process with a <c>MicrosoftAppId</c>, fetching the channel's OpenID metadata from a local
/// stand-in whose TLS certificate it is told to trust — so channel tokens are checked for real.
/// </summary>
public sealed class AuthenticatedBotProcess : IAsyncDisposable
{
    public const string AppId = "00000000-1111-2222-3333-444444444444";

    private readonly TestDirectory _directory;

    private AuthenticatedBotProcess(TestDirectory directory, OpenIdMetadataStandIn metadata, BotProcess bot)
    {
        _directory = directory;
        Metadata = metadata;
        Bot = bot;
    }

    public OpenIdMetadataStandIn Metadata { get; }

    public BotProcess Bot { get; }

    public static async Task<AuthenticatedBotProcess> StartAsync()
    {
        var directory = new TestDirectory();
        var metadata = await OpenIdMetadataStandIn.StartAsync();
        var bot = await BotProcess.StartAsync(
            directory,
            metadata.BotSettings(AppId),
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = metadata.WriteTrustBundle(directory.Path) });
        return new AuthenticatedBotProcess(directory, metadata, bot);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Metadata.DisposeAsync();
        _directory.Dispose();
    }
}
