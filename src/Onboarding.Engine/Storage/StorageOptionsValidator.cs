using Microsoft.Extensions.Options;
using Npgsql;

namespace Onboarding.Engine.Storage;

/// <summary>Checks that the chosen provider has what it needs, naming the key to fix; never echoes a password.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                // Several instances each on their own local file would silently split the state: refuse the half-done switch.
                return hasConnectionString
                    ? ValidateOptionsResult.Fail($"{StorageOptions.ConnectionStringKey} is set but Storage:Provider is Sqlite: set Storage:Provider to PostgreSql to use that database, or remove the connection string.")
                    : ValidateOptionsResult.Success;

            case StorageProvider.PostgreSql when !hasConnectionString:
                return ValidateOptionsResult.Fail(
                    $"Storage:Provider is PostgreSql but {StorageOptions.ConnectionStringKey} is empty: set it to the PostgreSQL connection string, " +
                    $"e.g. Host=db.example.com;Database=onboarding;Username=onboarding;Password=… (environment variable ConnectionStrings__{StorageOptions.ConnectionStringName}).");

            case StorageProvider.PostgreSql:
                return ValidateConnectionString(options.ConnectionString!);

            default:
                return ValidateOptionsResult.Fail($"Storage:Provider must be Sqlite or PostgreSql (was {(int)options.Provider}).");
        }
    }

    private static ValidateOptionsResult ValidateConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's messages name the keyword, never the value.
            return ValidateOptionsResult.Fail($"{StorageOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.ConnectionStringKey} names no server: add Host=<server name or address>.");
        }

        return string.IsNullOrWhiteSpace(parsed.Database)
            ? ValidateOptionsResult.Fail($"{StorageOptions.ConnectionStringKey} names no database: add Database=<name> (the bot creates its tables in it, not the database itself).")
            : ValidateOptionsResult.Success;
    }
}
