using System.Globalization;
using Microsoft.Data.Sqlite;
using Onboarding.NetSuiteSandbox.Seed;
using SQLitePCL;

namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// The account's SuiteQL tables in an in-memory SQLite database. One writer connection keeps the database
/// alive; queries run on a second, read-only connection so a SuiteQL text can never change data, and an authorizer on
/// that connection asks, for every table a query reads, whether the caller may see it. With case-sensitive SuiteQL
/// (the default) strings compare case-sensitively, LIKE included, and script ids are stored upper case, as NetSuite
/// returns them. Callers serialise access through the account's lock.
/// </summary>
internal sealed partial class AccountTables : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly bool _caseSensitive;
    private readonly delegate_authorizer _authorizer;

    public AccountTables(SeedAccount seed, bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        var connectionString = $"Data Source=sandbox-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _writer = new SqliteConnection(connectionString);
        _writer.Open();
        var scriptIdType = caseSensitive ? "TEXT" : "TEXT COLLATE NOCASE";
        Execute($"""
            CREATE TABLE role (id INTEGER PRIMARY KEY, scriptid {scriptIdType}, name TEXT, isinactive TEXT);
            CREATE TABLE employee (id INTEGER PRIMARY KEY, entityid TEXT, firstname TEXT, lastname TEXT, email TEXT, subsidiary INTEGER, isinactive TEXT, rolesforsearch TEXT);
            CREATE TABLE subsidiary (id INTEGER PRIMARY KEY, name TEXT, country TEXT, isinactive TEXT);
            CREATE TABLE companyinformation (companyname TEXT, legalname TEXT, country TEXT, basecurrency TEXT, timezone TEXT);
            CREATE TABLE script (id INTEGER PRIMARY KEY, scriptid {scriptIdType}, name TEXT, scripttype TEXT, isinactive TEXT);
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
        using (var setUp = _reader.CreateCommand())
        {
            setUp.CommandText = $"PRAGMA case_sensitive_like = {(caseSensitive ? "ON" : "OFF")}; PRAGMA query_only = ON";
            setUp.ExecuteNonQuery();
        }

        _authorizer = Authorize;
        raw.sqlite3_set_authorizer(_reader.Handle, _authorizer, null);
    }

    public void InsertRole(int id, string scriptId, string name, bool inactive) =>
        Execute("INSERT OR REPLACE INTO role VALUES ($id, $scriptid, $name, $inactive)",
            ("$id", id), ("$scriptid", StoredScriptId(scriptId)), ("$name", name), ("$inactive", Flag(inactive)));

    public void DeleteRole(int id) => Execute("DELETE FROM role WHERE id = $id", ("$id", id));

    public void InsertScript(SeedRestlet restlet) =>
        Execute("INSERT OR REPLACE INTO script VALUES ($id, $scriptid, $name, 'RESTLET', 'F')",
            ("$id", restlet.ScriptInternalId), ("$scriptid", StoredScriptId(restlet.ScriptId)), ("$name", restlet.Name ?? restlet.ScriptId));

    public void DeleteScript(SeedRestlet restlet) => Execute("DELETE FROM script WHERE id = $id", ("$id", restlet.ScriptInternalId));

    public void UpdateEmployeeRoles(SandboxEmployee employee) =>
        Execute("UPDATE employee SET rolesforsearch = $roles WHERE id = $id", ("$id", employee.Id), ("$roles", employee.RolesForSearch));

    public void CreateCustomRecordTable(SeedCustomRecordType type)
    {
        var columns = string.Concat(type.Fields.Select(f => $", {Identifier(f)} TEXT"));
        Execute($"CREATE TABLE IF NOT EXISTS {Identifier(type.ScriptId)} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, isinactive TEXT DEFAULT 'F', created TEXT, lastmodified TEXT{columns})");
    }

    public void DropCustomRecordTable(SeedCustomRecordType type) => Execute($"DROP TABLE IF EXISTS {Identifier(type.ScriptId)}");

    public void DeleteCustomRecords(SeedCustomRecordType type) => Execute($"DELETE FROM {Identifier(type.ScriptId)}");

    /// <summary>Inserts a row of known fields (<c>name</c> and the type's fields; others are dropped) and returns its id.</summary>
    public long InsertCustomRecord(SeedCustomRecordType type, IReadOnlyDictionary<string, string?> values, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var row = values.Where(v => IsField(type, v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        row["created"] = stamp;
        row["lastmodified"] = stamp;
        return InsertRow(type, row);
    }

    /// <summary>Puts back a row exactly as <see cref="AllCustomRecords"/> listed it (id and dates included).</summary>
    public void RestoreCustomRecord(SeedCustomRecordType type, IReadOnlyDictionary<string, string?> row) =>
        InsertRow(type, row.Where(v => v.Key is "id" or "isinactive" or "created" or "lastmodified" || IsField(type, v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));

    /// <summary>Every row of a custom record table, id order, every column.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> AllCustomRecords(SeedCustomRecordType type) =>
        Rows($"SELECT * FROM {Identifier(type.ScriptId)} ORDER BY id");

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

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
    }

    private string StoredScriptId(string scriptId) => _caseSensitive ? scriptId.ToUpperInvariant() : scriptId;

    private static bool IsField(SeedCustomRecordType type, string name) => name == "name" || type.Fields.Contains(name, StringComparer.Ordinal);

    private long InsertRow(SeedCustomRecordType type, IReadOnlyDictionary<string, string?> row)
    {
        var columns = string.Join(", ", row.Keys.Select(Identifier));
        var parameters = row.Select((v, i) => ($"$v{i}", (object?)v.Value)).ToArray();
        var placeholders = string.Join(", ", parameters.Select(p => p.Item1));
        Execute($"INSERT INTO {Identifier(type.ScriptId)} ({columns}) VALUES ({placeholders})", parameters);
        using var id = _writer.CreateCommand();
        id.CommandText = "SELECT last_insert_rowid()";
        return (long)id.ExecuteScalar()!;
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
