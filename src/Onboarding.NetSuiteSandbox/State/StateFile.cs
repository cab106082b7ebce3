using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Time;
using Onboarding.NetSuiteSandbox.Tokens;

namespace Onboarding.NetSuiteSandbox.State;

/// <summary>
/// Keeps the sandbox's state in <c>Sandbox:StateFile</c> so a restart continues where the last run stopped: read once at
/// start-up, written (whole, atomically) before the answer to every request that may change something. The token
/// signing key is kept too, encrypted with a Data Protection key ring in the <c>sandbox-keys</c> folder beside the file,
/// so tokens issued before a restart stay valid. Without a state file nothing is read or written.
/// </summary>
internal sealed class StateFile
{
    public const string KeyRingFolderName = "sandbox-keys";
    private const string KeyPurpose = "Onboarding.NetSuiteSandbox.SigningKey";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string? _path;
    private readonly AccountRegistry _accounts;
    private readonly SandboxClock _clock;
    private readonly IDataProtector _protector;
    private readonly ILogger<StateFile> _logger;
    private readonly object _writeGate = new();
    private readonly Lazy<SavedState?> _saved;
    private readonly Lazy<SigningKey> _signingKey;

    public StateFile(IOptions<SandboxOptions> options, AccountRegistry accounts, SandboxClock clock, IDataProtectionProvider protection, ILogger<StateFile> logger)
    {
        _path = string.IsNullOrWhiteSpace(options.Value.StateFile) ? null : Path.GetFullPath(options.Value.StateFile);
        _accounts = accounts;
        _clock = clock;
        _protector = protection.CreateProtector(KeyPurpose);
        _logger = logger;
        _saved = new Lazy<SavedState?>(Read);
        _signingKey = new Lazy<SigningKey>(LoadSigningKey);
    }

    public bool Enabled => _path is not null;

    /// <summary>The key ring folder for a state file: <c>sandbox-keys</c> beside it.</summary>
    public static string KeyRingFolder(string stateFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(stateFile)) ?? ".", KeyRingFolderName);

    /// <summary>The signing key: the saved one, a new one when there is none yet, the process-wide one without a state file.</summary>
    public SigningKey SigningKey => _signingKey.Value;

    /// <summary>Puts the saved accounts and clock back; a first run starts from the seed and writes the file at once.</summary>
    public void Restore()
    {
        if (_path is null)
        {
            return;
        }

        if (_saved.Value is not { } saved)
        {
            Save();
            Log.StateCreated(_logger, _path);
            return;
        }

        _clock.Advance(TimeSpan.FromSeconds(Math.Max(0, saved.ClockOffsetSeconds)));
        foreach (var savedAccount in saved.Accounts)
        {
            if (_accounts.Find(savedAccount.Id) is not { } account)
            {
                Log.StateSkipped(_logger, _path, $"account {savedAccount.Id}, which the seed no longer has");
                continue;
            }

            lock (account.Gate)
            {
                AccountSnapshot.Apply(account, savedAccount, what => Log.StateSkipped(_logger, _path, $"{what} of account {account.Id}, which the seed no longer has"));
            }
        }

        Log.StateRestored(_logger, _path, saved.SavedAt);
    }

    /// <summary>Writes the whole state to a temporary file and moves it over the old one, so a crash never leaves half a file.</summary>
    public void Save()
    {
        if (_path is null)
        {
            return;
        }

        lock (_writeGate)
        {
            var now = _clock.GetUtcNow();
            var accounts = new List<SavedAccount>();
            foreach (var account in _accounts.All)
            {
                lock (account.Gate)
                {
                    accounts.Add(AccountSnapshot.Take(account, now));
                }
            }

            var key = SigningKey;
            var state = new SavedState(
                SavedState.CurrentVersion,
                now,
                _clock.Offset.TotalSeconds,
                new SavedSigningKey(key.KeyId, _protector.Protect(Convert.ToBase64String(key.Key.ExportPkcs8PrivateKey()))),
                accounts);
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
            File.Move(temporary, _path, overwrite: true);
        }
    }

    private SavedState? Read()
    {
        if (_path is null || !File.Exists(_path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<SavedState>(File.ReadAllText(_path), Json);
            if (state is not { Version: SavedState.CurrentVersion, SigningKey: not null, Accounts: not null })
            {
                throw new InvalidOperationException(
                    $"Sandbox:StateFile '{_path}' was written by another version of the sandbox. {ResetAdvice}");
            }

            return state;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Sandbox:StateFile '{_path}' is not a sandbox state file: {e.Message} {ResetAdvice}", e);
        }
    }

    private SigningKey LoadSigningKey()
    {
        if (_path is null)
        {
            return SigningKey.Shared;
        }

        if (_saved.Value is not { } saved)
        {
            return SigningKey.New();
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(saved.SigningKey.ProtectedPkcs8)), out _);
            return new SigningKey(rsa, saved.SigningKey.KeyId);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                $"Sandbox:StateFile '{_path}' holds a signing key that the key ring in '{KeyRingFolder(_path)}' cannot decrypt. {ResetAdvice}", e);
        }
    }

    private string ResetAdvice => $"Delete '{_path}' to start the sandbox afresh from its seed (every token and certificate mapping is then gone).";
}
