using System.ComponentModel.DataAnnotations;

namespace Onboarding.Engine.Storage;

/// <summary>Settings section <c>Storage</c>: which database engine holds the state, and where.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c> that <see cref="ConnectionString"/> is read from.</summary>
    public const string ConnectionStringName = "Onboarding";

    /// <summary>The configuration key of the PostgreSQL connection string, as people type it.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.PostgreSql"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: the database file; a relative path is resolved against the host's content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath must name a file, e.g. data/onboarding.db.")]
    public string DatabasePath { get; set; } = "data/onboarding.db";

    /// <summary>SQLite: how long a writer waits for a lock held by another connection before failing.</summary>
    [Range(100, 60_000, ErrorMessage = "Storage:BusyTimeoutMilliseconds must be between 100 and 60000.")]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>
    /// PostgreSQL: the Npgsql connection string. The host fills it from <see cref="ConnectionStringKey"/> (the usual place
    /// for connection strings, and where Azure App Service puts them), not from the <c>Storage</c> section.
    /// </summary>
    public string? ConnectionString { get; set; }
}
