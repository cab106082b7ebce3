using System.Text.Json.Nodes;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// What a conversation test needs: a connector stand-in, the real host and a Teams client addressing one
/// conversation. Start one per test (xunit's IAsyncLifetime) and dispose it afterwards.
/// </summary>
public sealed class BotTestBed : IAsyncDisposable
{
    private readonly TemporaryDatabase? _storage;

    private BotTestBed(ConnectorStandIn connector, BotHost host, TeamsActivities teams, TemporaryDatabase? storage)
    {
        Connector = connector;
        Host = host;
        Teams = teams;
        _storage = storage;
    }

    public ConnectorStandIn Connector { get; }

    public BotHost Host { get; }

    /// <summary>Activities for the default 1:1 chat (<c>a:teams-conv-1</c>); make more with <see cref="Conversation"/>.</summary>
    public TeamsActivities Teams { get; }

    /// <summary>Starts the bed; on <see cref="StorageProvider.PostgreSql"/> the host gets a fresh database on the test server.</summary>
    public static async Task<BotTestBed> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        StorageProvider provider = StorageProvider.Sqlite)
    {
        var storage = provider == StorageProvider.Sqlite ? null : await TemporaryDatabase.CreateAsync(provider);
        var connector = await ConnectorStandIn.StartAsync();
        try
        {
            var host = BotHost.Start(BotHost.WithStorage(settings, storage), configureServices);
            return new BotTestBed(connector, host, new TeamsActivities(connector.ServiceUrl), storage);
        }
        catch
        {
            await connector.DisposeAsync();
            if (storage is not null)
            {
                await storage.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Activities for another conversation, e.g. a channel (<paramref name="shared"/>) the bot was added to, maybe in another tenant or channel.</summary>
    public TeamsActivities Conversation(string conversationId, bool shared = false, string tenantId = TeamsActivities.TenantId, string channelId = "msteams") =>
        new(Connector.ServiceUrl, conversationId, shared, tenantId, channelId);

    /// <summary>POSTs <paramref name="activity"/> to the host's <c>/api/messages</c>, as the channel would.</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity) => Host.PostActivityAsync(activity);

    /// <summary>A service from the running host, e.g. the engine's publisher.</summary>
    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Stops both; every card the bot sent in the test must have been an Adaptive Card 1.5 within 28 KB.</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        foreach (var card in Connector.Activities.Select(a => a.AdaptiveCard).OfType<JsonObject>())
        {
            CardBudget.AssertWithin(card);
        }
    }
}
