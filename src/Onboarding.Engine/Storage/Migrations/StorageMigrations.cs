namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Storage's own tables (versions 180–199): the Data Protection key ring shared by every instance.</summary>
internal static class StorageMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        // The XML of each key as Data Protection hands it over: already encrypted when a certificate is configured.
        // Rows are only ever added; a key leaves the ring by expiring or by a revocation element, never by deletion.
        new(180, "data protection key ring", """
            CREATE TABLE data_protection_keys (
                name       TEXT NOT NULL PRIMARY KEY,
                xml        TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            """),
    ];
}
