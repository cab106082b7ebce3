using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Operations;

/// <summary>
/// The host's operations commands, run instead of the server when the first argument names one (docs/operations.md):
/// <c>backup &lt;folder&gt;</c>, <c>restore &lt;folder&gt; [--replace]</c>, <c>audit-export &lt;account|all&gt; [--format csv|jsonl]
/// [--since yyyy-mm-dd] [--output file]</c>, <c>audit-verify [account]</c>. Settings come as for the server (appsettings,
/// environment); on the command line give them as <c>--Key=value</c>.
/// </summary>
/// <remarks>
/// The audit export is a command on the host rather than a chat action or an HTTP endpoint: the file holds every tenant's
/// who-did-what, a chat message is capped in size and differs per platform, and an endpoint would be one more thing to
/// protect on the internet. Whoever may run commands on the host can read the database anyway.
/// </remarks>
public static class OperationsCommandLine
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string AuditExport = "audit-export";
    public const string AuditVerify = "audit-verify";

    private static readonly string[] Commands = [Backup, Restore, AuditExport, AuditVerify];
    private static readonly string[] ValueOptions = ["--format", "--since", "--output"];

    public static bool IsCommand(string[] args) => args is [var first, ..] && Commands.Contains(first, StringComparer.Ordinal);

    /// <summary>Runs the command in <paramref name="args"/>; returns the process exit code (0 done, 1 failed, 2 misused).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var invocation, out var problem))
        {
            await errors.WriteLineAsync(problem + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(invocation.HostArgs);
        builder.Logging.ClearProviders();
        builder.AddEngineStorage();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AuditLog>();
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.TryAddSingleton<DatabaseBackup>();
        await using var app = builder.Build();
        var services = app.Services;
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            return invocation.Command switch
            {
                Backup => await BackupAsync(services, invocation, output, cancellationToken).ConfigureAwait(false),
                Restore => await RestoreAsync(services, invocation, output, cancellationToken).ConfigureAwait(false),
                AuditExport => await ExportAsync(services, invocation, output, errors, cancellationToken).ConfigureAwait(false),
                _ => await VerifyAsync(services, invocation, output, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (e is BackupException or OptionsValidationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{invocation.Command} failed: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private const string Usage = """
        Usage (settings as for the server; on the command line as --Key=value):
          backup <folder>                      copy the running database and its key ring into a new folder
          restore <folder> [--replace]         put a backup in place (bot stopped); --replace moves the current files aside
          audit-export <account|all> [--format csv|jsonl] [--since yyyy-mm-dd] [--output file]
          audit-verify [account]               check the audit log's hash chains
        """;

    private static async Task<int> BackupAsync(IServiceProvider services, Invocation invocation, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await services.GetRequiredService<DatabaseBackup>().BackupAsync(invocation.Positional[0], cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Backed up {services.GetRequiredService<Database>().Description} (schema {manifest.SchemaVersion}, {manifest.ProtectedSecrets} encrypted secrets) "
            + $"and its key ring ({manifest.Keys.Count} keys) to {Path.GetFullPath(invocation.Positional[0])}. Keep the folder as secret as the database and the keys together.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, Invocation invocation, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(invocation.Positional[0], invocation.Flags.Contains("--replace"), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(
            $"Restored {Path.GetFullPath(invocation.Positional[0])} (schema {manifest.SchemaVersion}, {manifest.Keys.Count} keys) to {services.GetRequiredService<Database>().Description}. Start the bot: it applies newer migrations itself.").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, Invocation invocation, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var which = invocation.Positional[0];
        string? account = null;
        if (!which.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (!AccountId.TryParse(which, out var parsed, out var error))
            {
                await errors.WriteLineAsync($"{AuditExport}: {Engine.Language.Wording.English.Say(error)}").ConfigureAwait(false);
                return 2;
            }

            account = parsed.Value;
        }

        DateTimeOffset? since = null;
        if (invocation.Options.TryGetValue("--since", out var sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedSince))
            {
                await errors.WriteLineAsync($"{AuditExport}: --since must be a date such as 2026-01-31; got '{sinceText}'.").ConfigureAwait(false);
                return 2;
            }

            since = parsedSince;
        }

        var format = invocation.Options.GetValueOrDefault("--format", "csv");
        await MigrateAsync(services, cancellationToken).ConfigureAwait(false);
        var records = services.GetRequiredService<AuditTrail>().ReadAsync(account, since, cancellationToken);
        if (invocation.Options.TryGetValue("--output", out var file))
        {
            await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
            await Onboarding.Engine.Storage.AuditExport.WriteAsync(records, format, writer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Onboarding.Engine.Storage.AuditExport.WriteAsync(records, format, output, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, Invocation invocation, TextWriter output, CancellationToken cancellationToken)
    {
        await MigrateAsync(services, cancellationToken).ConfigureAwait(false);
        var result = await services.GetRequiredService<AuditTrail>().VerifyAsync(invocation.Positional.FirstOrDefault(), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(result.Intact
            ? $"The audit log is intact: {result.Verified} chained entries checked ({result.Unchained} older unchained entries)."
            : $"The audit log was tampered with: {result.Problem}.").ConfigureAwait(false);
        return result.Intact ? 0 : 1;
    }

    // The audit columns arrive with migration 140; a database the bot has not opened since needs them first.
    private static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);

    private static bool TryParse(string[] args, out Invocation invocation, out string problem)
    {
        var command = args[0];
        var positional = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (ValueOptions.Contains(arg) && i + 1 < args.Length)
            {
                options[arg] = args[++i];
            }
            else if (arg == "--replace")
            {
                flags.Add(arg);
            }
            else if (arg.StartsWith('-'))
            {
                host.Add(arg);
            }
            else
            {
                positional.Add(arg);
            }
        }

        invocation = new Invocation(command, positional, flags, options, [.. host]);
        var (least, most) = command switch
        {
            AuditVerify => (0, 1),
            _ => (1, 1),
        };
        problem = positional.Count < least ? $"{command}: a {(command == AuditExport ? "account (or all)" : "folder")} is required."
            : positional.Count > most ? $"{command}: unexpected '{positional[most]}'."
            : string.Empty;
        return problem.Length == 0;
    }

    private sealed record Invocation(string Command, IReadOnlyList<string> Positional, IReadOnlySet<string> Flags, IReadOnlyDictionary<string, string> Options, string[] HostArgs);
}
