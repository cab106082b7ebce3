namespace Onboarding.Engine.Storage;

/// <summary>Instants as health tables bind and read them: <see cref="StoredTime"/>'s text, with SQL NULL for none.</summary>
internal static class HealthTimestamps
{
    public static object Format(DateTimeOffset? value) => (object?)StoredTime.Format(value) ?? DBNull.Value;

    public static DateTimeOffset? Parse(object? value) => StoredTime.ParseOrNull(value as string);
}
