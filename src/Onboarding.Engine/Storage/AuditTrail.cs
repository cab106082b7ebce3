using System.Globalization;
using System.Text.Json;

namespace Onboarding.Engine.Storage;

/// <summary>Reads the audit log: an account's latest entries, an export, and a check of the hash chains (<see cref="AuditLog"/>).</summary>
public sealed class AuditTrail(Database database, AuditLog audit)
{
    private const string Columns = "id AS Id, at AS At, actor AS Actor, account_id AS Account, action AS Action, outcome AS Outcome, detail AS Detail, chain AS Chain, previous_hash AS PreviousHash, hash AS Hash";

    /// <summary>The newest <paramref name="count"/> entries about <paramref name="account"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> LatestAsync(string account, int count, CancellationToken cancellationToken)
    {
        var rows = await StorageTransaction.ReadAsync(
            database,
            read => read.QueryAsync<Row>($"SELECT {Columns} FROM audit_log WHERE account_id = @account ORDER BY id DESC LIMIT @count", new { account, count }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>Every entry (about <paramref name="account"/> only, when given) from <paramref name="since"/> on, oldest first, one page at a time.</summary>
    public async IAsyncEnumerable<AuditRecord> ReadAsync(string? account, DateTimeOffset? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int PageSize = 1000;
        var after = 0L;
        while (true)
        {
            var page = await StorageTransaction.ReadAsync(
                database,
                read => read.QueryAsync<Row>(
                    $"""
                    SELECT {Columns} FROM audit_log
                    WHERE id > @after AND (@account IS NULL OR account_id = @account) AND (@since IS NULL OR at >= @since)
                    ORDER BY id LIMIT @PageSize
                    """,
                    new { after, account, since = StoredTime.Format(since), PageSize },
                    cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                yield return row.ToRecord();
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Checks every chain (or <paramref name="account"/>'s): each entry's hash, each link to its predecessor, and the newest entry against the chain's head.</summary>
    public async Task<AuditVerification> VerifyAsync(string? account, CancellationToken cancellationToken)
    {
        await using var read = await StorageTransaction.BeginAsync(database, write: false, cancellationToken).ConfigureAwait(false);
        var key = await audit.StoredKeyAsync(read, cancellationToken).ConfigureAwait(false);
        var heads = await read.QueryAsync<Head>(
            "SELECT chain AS Chain, last_hash AS LastHash FROM audit_chains WHERE (@chain IS NULL OR chain = @chain) ORDER BY chain",
            new { chain = account is null ? null : AuditLog.ChainOf(account) },
            cancellationToken).ConfigureAwait(false);
        var unchained = await read.QuerySingleOrDefaultAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE chain IS NULL AND (@account IS NULL OR account_id = @account)", new { account }, cancellationToken).ConfigureAwait(false);

        if (key is null)
        {
            // The key comes with the first chained entry: without it there is no chain, unless its key was removed.
            return heads.Count == 0
                ? new AuditVerification(true, 0, unchained, null, null)
                : AuditVerification.Broken(0, unchained, null, "the audit chain key is missing, so no entry can be checked");
        }

        var verified = 0L;
        foreach (var head in heads)
        {
            var rows = await read.QueryAsync<Row>($"SELECT {Columns} FROM audit_log WHERE chain = @Chain ORDER BY id", new { head.Chain }, cancellationToken).ConfigureAwait(false);
            string? previous = null;
            foreach (var row in rows)
            {
                if (previous is not null && row.PreviousHash != previous)
                {
                    return AuditVerification.Broken(verified, unchained, row.Id, $"entry {row.Id} does not follow the entry before it in chain {head.Chain}: an entry was removed or inserted");
                }

                var entry = new AuditEntry(row.Actor, row.Account, row.Action, row.Outcome, row.Detail);
                if (row.Chain != AuditLog.ChainOf(row.Account) || AuditLog.Hash(key, row.At, entry, row.Chain, row.PreviousHash ?? string.Empty) != row.Hash)
                {
                    return AuditVerification.Broken(verified, unchained, row.Id, $"entry {row.Id} in chain {head.Chain} was changed after it was written");
                }

                previous = row.Hash;
                verified++;
            }

            if (previous is not null && previous != head.LastHash)
            {
                return AuditVerification.Broken(verified, unchained, null, $"the newest entries of chain {head.Chain} were removed");
            }
        }

        return new AuditVerification(true, verified, unchained, null, null);
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string At { get; set; } = "";
        public string Actor { get; set; } = "";
        public string? Account { get; set; }
        public string Action { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? Detail { get; set; }
        public string? Chain { get; set; }
        public string? PreviousHash { get; set; }
        public string? Hash { get; set; }

        public AuditRecord ToRecord() => AuditRecord.From(Id, At, Actor, Account, Action, Outcome, Detail);
    }

    private sealed class Head
    {
        public string Chain { get; set; } = "";
        public string LastHash { get; set; } = "";
    }
}

/// <summary>The outcome of checking the audit chains: intact, or where the first problem is.</summary>
/// <param name="Intact">True when every chained entry checked out.</param>
/// <param name="Verified">Entries checked before the answer.</param>
/// <param name="Unchained">Entries written before the chains existed (schema version 140), which cannot be checked.</param>
/// <param name="FirstBadId">The first entry found wrong, when one is to blame.</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record AuditVerification(bool Intact, long Verified, long Unchained, long? FirstBadId, string? Problem)
{
    internal static AuditVerification Broken(long verified, long unchained, long? id, string problem) => new(false, verified, unchained, id, problem);
}

/// <summary>Writes audit records as CSV (RFC 4180) or JSON lines (one object per line, https://jsonlines.org/).</summary>
public static class AuditExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "jsonl"];

    private static readonly string[] Headers = ["id", "at", "actor", "account", "action", "outcome", "detail"];

    public static async Task WriteAsync(IAsyncEnumerable<AuditRecord> records, string format, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        var csv = format.Equals("csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !format.Equals("jsonl", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unknown export format '{format}': use csv or jsonl.", nameof(format));
        }

        if (csv)
        {
            await output.WriteAsync(string.Join(',', Headers) + "\r\n").ConfigureAwait(false);
        }

        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string?[] values = [record.Id.ToString(CultureInfo.InvariantCulture), StoredTime.Format(record.At), record.Entry.Actor, record.Entry.Account, record.Entry.Action, record.Entry.Outcome, record.Entry.Detail];
            await output.WriteAsync(csv ? CsvLine(values) : JsonLine(values)).ConfigureAwait(false);
        }
    }

    private static string CsvLine(string?[] values) => string.Join(',', values.Select(v => v is null ? string.Empty : '"' + v.Replace("\"", "\"\"", StringComparison.Ordinal) + '"')) + "\r\n";

    private static string JsonLine(string?[] values) =>
        JsonSerializer.Serialize(Headers.Zip(values).ToDictionary(p => p.First, p => p.Second)) + "\n";
}
