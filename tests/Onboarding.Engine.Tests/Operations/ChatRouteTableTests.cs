using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Tests.Operations;

/// <summary>Each verb has one route; a second claim stops the host at start-up with a message naming both routes.</summary>
public sealed class ChatRouteTableTests
{
    [Fact]
    public async Task Two_routes_claiming_one_verb_stop_start_up_naming_both()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddChatRoutes();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, HelpLikeRoute>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, RotateRoute>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, OtherRotateRoute>());
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("'rotate' is claimed by both RotateRoute and OtherRotateRoute", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_route_registered_by_two_modules_counts_once()
    {
        var services = new ServiceCollection();
        services.AddChatRoutes();
        services.AddChatRoutes();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, HelpLikeRoute>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, RotateRoute>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommandRoute, RotateRoute>());

        var table = services.BuildServiceProvider().GetRequiredService<ChatRouteTable>();

        Assert.Equal(["help", "rotate"], table.Verbs);
        Assert.IsType<RotateRoute>(table.Find("ROTATE "));
        Assert.IsType<HelpLikeRoute>(table.Find("something else"));
    }

    private abstract class FixedRoute(string verb) : IChatCommandRoute
    {
        public IReadOnlyCollection<string> Verbs { get; } = [verb];

        public Task HandleAsync(ChatCommand command, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class HelpLikeRoute() : FixedRoute("help");

    private sealed class RotateRoute() : FixedRoute("rotate");

    private sealed class OtherRotateRoute() : FixedRoute("rotate");
}
