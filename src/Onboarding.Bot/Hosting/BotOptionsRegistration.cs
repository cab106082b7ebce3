using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Onboarding.Bot.Hosting;

/// <summary>Binds and validates the <c>Bot</c> settings section.</summary>
public static class BotOptionsRegistration
{
    public static IHostApplicationBuilder AddBotOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
