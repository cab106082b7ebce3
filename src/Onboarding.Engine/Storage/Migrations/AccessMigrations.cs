namespace Onboarding.Engine.Storage.Migrations;

/// <summary>Who holds what (versions 120–139): which onboarding holds an account.</summary>
internal static class AccessMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(120, "an account is held only by an authorized onboarding", """
            -- An onboarding that never reached NetSuite's consent proves nothing about the account, so it must not block
            -- the account's real admin (docs/security.md): only authorized, open onboardings hold their account.
            DROP INDEX ux_onboarding_sessions_open_account;
            CREATE UNIQUE INDEX ux_onboarding_sessions_open_account ON onboarding_sessions (account_id)
                WHERE account_id IS NOT NULL AND status IN ('Waiting', 'Running', 'Failed') AND authorized_at IS NOT NULL;
            """),
    ];
}
