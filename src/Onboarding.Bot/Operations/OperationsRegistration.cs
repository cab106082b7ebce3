using Onboarding.Engine.Operations;

namespace Onboarding.Bot.Operations;

/// <summary>Operations in the host: retention on a timer, the <c>audit</c> and <c>erase</c> commands (settings section <c>Retention</c>).</summary>
public static class OperationsRegistration
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOperations(builder.Configuration);
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }
}
