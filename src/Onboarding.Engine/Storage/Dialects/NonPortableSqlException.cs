namespace Onboarding.Engine.Storage.Dialects;

/// <summary>SQL that would not mean the same on PostgreSQL as on SQLite; the message says how to write it portably.</summary>
public sealed class NonPortableSqlException(string construct, string statement, string advice)
    : Exception($"'{construct}' cannot run on PostgreSQL: {advice} (docs/storage.md). Statement: {Shorten(statement)}")
{
    /// <summary>The SQLite-only piece that was found.</summary>
    public string Construct { get; } = construct;

    private static string Shorten(string statement)
    {
        var oneLine = string.Join(' ', statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }
}
