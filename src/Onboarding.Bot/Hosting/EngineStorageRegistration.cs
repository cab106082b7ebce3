using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>The SQLite database (path resolved against the content root, migrated at start-up) and secret protection.</summary>
public static class EngineStorageRegistration
{
    /// <summary>The Data Protection key ring lives in this folder beside the database file.</summary>
    public const string KeyRingFolderName = "keys";

    public static IHostApplicationBuilder AddEngineStorage(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(options =>
            {
                if (!string.IsNullOrWhiteSpace(options.DatabasePath))
                {
                    options.DatabasePath = Path.GetFullPath(options.DatabasePath, contentRoot);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton<SqliteDatabase>();
        builder.Services.TryAddSingleton<MigrationRunner>();
        builder.Services.TryAddSingleton<ConversationReferenceStore>();
        builder.Services.TryAddSingleton<CardMessageStore>();
        builder.Services.AddHostedService<DatabaseMigrationService>();

        builder.Services.AddDataProtection().SetApplicationName("Onboarding");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeyRingFolder(storage.Value)), loggers));
        builder.Services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return builder;
    }

    /// <summary>The key ring folder for <paramref name="storage"/>: <c>keys</c> next to the database file.</summary>
    public static string KeyRingFolder(StorageOptions storage) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath)) ?? ".", KeyRingFolderName);
}
