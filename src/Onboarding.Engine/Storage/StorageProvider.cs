namespace Onboarding.Engine.Storage;

/// <summary>The database engine behind <see cref="Database"/> (setting <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file beside the host: the embedded default for a single instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of instances (<c>ConnectionStrings:Onboarding</c>).</summary>
    PostgreSql,
}
