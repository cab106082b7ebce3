namespace Onboarding.Engine.Storage.Migrations;

/// <summary>The NetSuite rules' tables and columns (versions 100–119).</summary>
internal static class NetSuiteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(100, "onboarding sessions: connect again", """
            -- A staff member's Connect again (after a sandbox refresh) may authorize for an account that is still connected.
            ALTER TABLE onboarding_sessions ADD COLUMN reconnect INTEGER NOT NULL DEFAULT 0;
            """),
    ];
}
