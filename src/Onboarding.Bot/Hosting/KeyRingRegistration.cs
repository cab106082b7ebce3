using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>
/// The Data Protection key ring that encrypts every stored secret: in the shared database with PostgreSQL (every instance
/// uses the same keys, losing one loses none), in a <c>keys</c> folder beside the SQLite file otherwise; encrypted at rest
/// with the certificate of <c>DataProtection:Certificate</c> when one is set.
/// </summary>
public static class KeyRingRegistration
{
    /// <summary>With SQLite the key ring lives in this folder beside the database file.</summary>
    public const string KeyRingFolderName = "keys";

    /// <summary>Isolates this application's keys and payloads from other applications' (it must be the same on every instance).</summary>
    public const string ApplicationName = "Onboarding";

    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, Database, TimeProvider, ILoggerFactory>((keys, storage, database, time, loggers) =>
                keys.XmlRepository = storage.Value.Provider == StorageProvider.PostgreSql
                    ? new DatabaseXmlRepository(database, time)
                    : new FileSystemXmlRepository(new DirectoryInfo(KeyRingFolder(storage.Value)), loggers));

        // Data Protection takes its certificates as objects when it is registered, so they are read from the configuration
        // as it stands here: appsettings, environment variables, the command line.
        var settings = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var certificates = KeyRingCertificates.Load(settings, builder.Environment.ContentRootPath);
        if (certificates.Current is { } current)
        {
            dataProtection.ProtectKeysWithCertificate(current);
        }

        if (certificates.Decrypting.Count > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate([.. certificates.Decrypting]);
        }

        builder.Services.TryAddSingleton(certificates);
        builder.Services.AddHostedService<KeyRingStartupCheck>();
        return builder;
    }

    /// <summary>The key ring folder for <paramref name="storage"/> on SQLite: <c>keys</c> next to the database file.</summary>
    public static string KeyRingFolder(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath)) ?? ".", KeyRingFolderName);
    }

    /// <summary>Where the key ring lives, for the log.</summary>
    public static string Describe(StorageOptions storage, Database database)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(database);
        return storage.Provider == StorageProvider.PostgreSql
            ? $"table data_protection_keys of the {database.Description}"
            : $"folder {KeyRingFolder(storage)}";
    }
}
