using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>
/// The real host with Slack switched on against a <see cref="FakeSlackWebApi"/>, plus a client that signs requests.
/// Pass a <see cref="RecordingCommandHandler"/> to stand in for the engine; without one the host's own handler runs.
/// </summary>
public sealed class SlackBotHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string BotToken = "xoxb-settings-token";

    private readonly TemporaryDatabase? _storage;

    private SlackBotHost(BotHost host, FakeSlackWebApi slack, TemporaryDatabase? storage)
    {
        _storage = storage;
        Host = host;
        Slack = slack;
        Requests = new SlackRequests(host.BaseAddress, SigningSecret);
    }

    public BotHost Host { get; }

    public FakeSlackWebApi Slack { get; }

    public SlackRequests Requests { get; }

    public IServiceProvider Services => Host.Services;

    public static async Task<SlackBotHost> StartAsync(
        IChatCommandHandler? handler = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        StorageProvider provider = StorageProvider.Sqlite)
    {
        var storage = provider == StorageProvider.Sqlite ? null : await TemporaryDatabase.CreateAsync(provider);
        var slack = await FakeSlackWebApi.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        try
        {
            var host = BotHost.Start(BotHost.WithStorage(all, storage), services =>
            {
                if (handler is not null)
                {
                    services.AddSingleton(handler);
                }

                configureServices?.Invoke(services);
            });
            return new SlackBotHost(host, slack, storage);
        }
        catch
        {
            await slack.DisposeAsync();
            if (storage is not null)
            {
                await storage.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }
}
