using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// Tests that run the bot as a real process (<see cref="BotProcess"/>): a folder for its database and settings, and the
/// connector stand-in its replies go to.
/// </summary>
public abstract class BotProcessTest : IAsyncLifetime
{
    protected TestDirectory Directory { get; } = new();

    protected ConnectorStandIn Connector { get; private set; } = null!;

    public async Task InitializeAsync() => Connector = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        Directory.Dispose();
    }
}
