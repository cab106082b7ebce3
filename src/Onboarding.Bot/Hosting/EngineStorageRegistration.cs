using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// The database on the configured provider (<c>Storage:Provider</c>: a SQLite file resolved against the content root, or
/// PostgreSQL from <c>ConnectionStrings:Onboarding</c>), migrated at start-up, and secret protection over the key ring.
/// </summary>
public static class EngineStorageRegistration
{
    public static IHostApplicationBuilder AddEngineStorage(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var configuration = builder.Configuration;
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(options =>
            {
                // Read when the options are first built, from the final configuration: a connection string has one key.
                options.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
                if (!string.IsNullOrWhiteSpace(options.DatabasePath))
                {
                    options.DatabasePath = Path.GetFullPath(options.DatabasePath, contentRoot);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        builder.Services.TryAddSingleton<Database>();
        builder.Services.TryAddSingleton<MigrationRunner>();
        builder.Services.TryAddSingleton<KeyRingCheck>();
        builder.Services.TryAddSingleton<ConversationReferenceStore>();
        builder.Services.TryAddSingleton<CardMessageStore>();
        builder.Services.AddHostedService<DatabaseMigrationService>();

        builder.AddKeyRing();
        builder.Services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return builder;
    }
}
