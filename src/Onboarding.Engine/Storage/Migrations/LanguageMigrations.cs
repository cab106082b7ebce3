namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Languages and time zones (versions 161–179): what each conversation's channel last told (docs/languages.md).</summary>
internal static class LanguageMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(161, "conversation locales", """
            CREATE TABLE conversation_locales (
                conversation_key TEXT NOT NULL PRIMARY KEY,
                locale           TEXT,
                time_zone        TEXT,
                updated_at       TEXT NOT NULL
            );
            """),
    ];
}
