using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Onboarding.Engine.Conversations;

/// <summary>
/// Builds the <see cref="ChatRouteTable"/> while the host starts, so a verb claimed twice stops start-up with the
/// table's message instead of surfacing on the first chat message. Resolved here rather than in the constructor, after the
/// host has validated its options: building the routes builds the chat publishers.
/// </summary>
internal sealed class ChatRouteTableCheck(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ChatRouteTable>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
