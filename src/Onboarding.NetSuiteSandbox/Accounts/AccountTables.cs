using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Onboarding.NetSuiteSandbox.Seed;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// The account's SuiteQL tables in an in-memory SQLite database. One writer connection keeps the database
/// alive; queries run on a second, read-only connection so a SuiteQL text can never change data.
/// Callers serialise access through the account's lock.
/// </summary>
internal sealed class AccountTables : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;

    public AccountTables(SeedAccount seed)
    {
        var connectionString = $"Data Source=sandbox-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _writer = new SqliteConnection(connectionString);
        _writer.Open();
        Execute("""
            CREATE TABLE role (id INTEGER PRIMARY KEY, scriptid TEXT COLLATE NOCASE, name TEXT, isinactive TEXT);
            CREATE TABLE employee (id INTEGER PRIMARY KEY, entityid TEXT, firstname TEXT, lastname TEXT, email TEXT, subsidiary INTEGER, isinactive TEXT, rolesforsearch TEXT);
            CREATE TABLE subsidiary (id INTEGER PRIMARY KEY, name TEXT, country TEXT, isinactive TEXT);
            CREATE TABLE companyinformation (companyname TEXT, legalname TEXT, country TEXT, basecurrency TEXT, timezone TEXT);
            """);
        foreach (var role in seed.Roles)
        {
            InsertRole(role.Id, role.ScriptId, role.Name, role.Inactive);
        }

        foreach (var e in seed.Employees.Select(e => new SandboxEmployee(e)))
        {
            Execute("INSERT INTO employee VALUES ($id, $entityid, $first, $last, $email, $subsidiary, $inactive, $roles)",
                ("$id", e.Id), ("$entityid", e.EntityId), ("$first", e.FirstName), ("$last", e.LastName), ("$email", e.Email),
                ("$subsidiary", e.Subsidiary), ("$inactive", Flag(e.Inactive)), ("$roles", e.RolesForSearch));
        }

        foreach (var s in seed.Subsidiaries ?? [])
        {
            Execute("INSERT INTO subsidiary VALUES ($id, $name, $country, 'F')", ("$id", s.Id), ("$name", s.Name), ("$country", s.Country));
        }

        if (seed.CompanyInformation is { } c)
        {
            Execute("INSERT INTO companyinformation VALUES ($name, $legal, $country, $currency, $timezone)",
                ("$name", c.CompanyName), ("$legal", c.LegalName), ("$country", c.Country), ("$currency", c.BaseCurrency), ("$timezone", c.TimeZone));
        }

        _reader = new SqliteConnection(connectionString);
        _reader.Open();
        using var readOnly = _reader.CreateCommand();
        readOnly.CommandText = "PRAGMA query_only = ON";
        readOnly.ExecuteNonQuery();
    }

    public void InsertRole(int id, string scriptId, string name, bool inactive) =>
        Execute("INSERT OR REPLACE INTO role VALUES ($id, $scriptid, $name, $inactive)",
            ("$id", id), ("$scriptid", scriptId), ("$name", name), ("$inactive", Flag(inactive)));

    public void UpdateEmployeeRoles(SandboxEmployee employee) =>
        Execute("UPDATE employee SET rolesforsearch = $roles WHERE id = $id", ("$id", employee.Id), ("$roles", employee.RolesForSearch));

    public void DeleteRole(int id) => Execute("DELETE FROM role WHERE id = $id", ("$id", id));

    public void CreateCustomRecordTable(SeedCustomRecordType type)
    {
        var columns = string.Concat(type.Fields.Select(f => $", {Identifier(f)} TEXT"));
        Execute($"CREATE TABLE IF NOT EXISTS {Identifier(type.ScriptId)} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, isinactive TEXT DEFAULT 'F', created TEXT, lastmodified TEXT{columns})");
    }

    public void DropCustomRecordTable(SeedCustomRecordType type) => Execute($"DROP TABLE IF EXISTS {Identifier(type.ScriptId)}");

    public long InsertCustomRecord(SeedCustomRecordType type, IReadOnlyDictionary<string, string?> values, DateTimeOffset now)
    {
        var known = values.Where(v => v.Key == "name" || type.Fields.Contains(v.Key, StringComparer.Ordinal)).ToList();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var columns = string.Join(", ", known.Select(v => Identifier(v.Key)).Append("created").Append("lastmodified"));
        var parameters = known.Select((v, i) => ($"$v{i}", (object?)v.Value)).Append(("$created", stamp)).Append(("$modified", stamp)).ToArray();
        var placeholders = string.Join(", ", parameters.Select(p => p.Item1));
        Execute($"INSERT INTO {Identifier(type.ScriptId)} ({columns}) VALUES ({placeholders})", parameters);
        using var id = _writer.CreateCommand();
        id.CommandText = "SELECT last_insert_rowid()";
        return (long)id.ExecuteScalar()!;
    }

    /// <summary>Rows of a custom record table, id order; null when the record does not exist.</summary>
    public IReadOnlyDictionary<string, string?>? FindCustomRecord(SeedCustomRecordType type, long id) =>
        Rows($"SELECT * FROM {Identifier(type.ScriptId)} WHERE id = $id", ("$id", id)).FirstOrDefault();

    public (int Total, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows) ListCustomRecords(SeedCustomRecordType type, int limit, int offset)
    {
        var table = Identifier(type.ScriptId);
        var total = Convert.ToInt32(Scalar($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
        var rows = Rows($"SELECT id FROM {table} ORDER BY id LIMIT $limit OFFSET $offset", ("$limit", limit), ("$offset", offset));
        return (total, rows);
    }

    /// <summary>Runs a SuiteQL SELECT on the read-only connection; <c>?</c> placeholders take <paramref name="parameters"/>.</summary>
    public (int Total, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows) Query(string suiteQl, IReadOnlyList<string?> parameters, int limit, int offset, int maxTotal)
    {
        var inner = BindPositional(suiteQl.Trim().TrimEnd(';'), parameters.Count);
        var bound = parameters.Select((p, i) => ($"$p{i + 1}", (object?)p)).ToArray();
        using var count = Command(_reader, $"SELECT COUNT(*) FROM ({inner})", bound);
        var total = Math.Min(maxTotal, Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture));
        var take = Math.Max(0, Math.Min(limit, total - offset));
        using var page = Command(_reader, $"SELECT * FROM ({inner}) LIMIT {take} OFFSET {offset}", bound);
        return (total, Read(page));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
    }

    // SuiteQL binds '?' by position; SQLite's provider binds by name, so each '?' outside a string literal becomes $pN.
    private static string BindPositional(string sql, int parameterCount)
    {
        var result = new StringBuilder(sql.Length + 8);
        var inLiteral = false;
        var index = 0;
        foreach (var ch in sql)
        {
            if (ch == '\'')
            {
                inLiteral = !inLiteral;
            }

            if (ch == '?' && !inLiteral)
            {
                result.Append("$p").Append(++index);
                continue;
            }

            result.Append(ch);
        }

        if (index != parameterCount)
        {
            throw new SqliteException($"The query has {index} placeholders but {parameterCount} params were sent.", 1);
        }

        return result.ToString();
    }

    private static string Identifier(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : throw new InvalidOperationException($"'{name}' is not a valid table or column name in the seed.");

    private static string Flag(bool value) => value ? "T" : "F";

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(_writer, sql, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(_writer, sql, []);
        return command.ExecuteScalar();
    }

    private List<IReadOnlyDictionary<string, string?>> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(_writer, sql, parameters);
        return Read(command);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static List<IReadOnlyDictionary<string, string?>> Read(SqliteCommand command)
    {
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i).ToLowerInvariant()] = reader.IsDBNull(i)
                    ? null
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
