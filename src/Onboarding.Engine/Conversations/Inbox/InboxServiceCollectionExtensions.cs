using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Coordination;
using Onboarding.Engine.Language;

namespace Onboarding.Engine.Conversations.Inbox;

/// <summary>Registers the command inbox every chat channel stores its commands in, and the worker that runs them.</summary>
public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the inbox bound to the <c>Inbox</c> section (validated at start-up) and its worker. Needs, registered by the host:
    /// the <c>Database</c> (migrated), an <see cref="IChatPublisher"/> and the engine's <see cref="IChatCommandHandler"/>.
    /// </summary>
    public static IServiceCollection AddCommandInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.AddWorkCoordination();
        services.TryAddSingleton<CommandInbox>();

        // The apology is shown in the conversation's language, as every view is.
        services.TryAddSingleton<ConversationLocales>();
        services.TryAddSingleton<ChatViews>();
        services.AddHostedService<CommandInboxWorker>();
        return services;
    }
}
