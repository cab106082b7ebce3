using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using Onboarding.NetSuiteSandbox;
using Onboarding.Tests.Shared;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Onboarding;

/// <summary>
/// The engine's onboarding flow wired as the host wires it, against an in-process sandbox over loopback, with a real
/// database (a SQLite file, or PostgreSQL) and real crypto. Drives it like people do: chat commands, a browser posting NetSuite's consent form.
/// </summary>
public sealed class FlowHarness : IAsyncDisposable
{
    /// <summary>The OneWorld sandbox-style demo account.</summary>
    public const string DemoAccount = "1234567_SB1";

    /// <summary>The non-OneWorld, production-style demo account (no subsidiary table; never refreshed).</summary>
    public const string ProductionAccount = "7654321";
    public const string StaffId = "staff-1";

    /// <summary>The staff member of the harness's tenant as <c>Onboarding:Roles</c> names them; the harness gives them both roles.</summary>
    public const string StaffEntry = "msteams:tenant-1/" + StaffId;
    public const int BundleId = 500123;

    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false });
    private readonly string _folder;
    private int _deliveries;

    private FlowHarness(SandboxServer sandbox, ServiceProvider services, TemporaryDatabase storage, string folder)
    {
        Sandbox = sandbox;
        Services = services;
        Storage = storage;
        _folder = folder;
    }

    public SandboxServer Sandbox { get; }

    public ServiceProvider Services { get; }

    /// <summary>The harness's database; dropped with the harness.</summary>
    public TemporaryDatabase Storage { get; }

    /// <summary>The SQLite file (for tests that read the raw bytes); SQLite harnesses only.</summary>
    public string DatabasePath => Storage.FilePath ?? throw new InvalidOperationException("The harness runs on PostgreSQL: there is no database file.");

    public RecordingPublisher Publisher => Services.GetRequiredService<RecordingPublisher>();

    public ConversationKey Conversation { get; } = new("msteams", "tenant-1", "conversation-" + Guid.NewGuid().ToString("N"));

    public ChatUser User { get; } = new("user-sam", "Sam");

    public ChatUser Staff { get; } = new(StaffId, "Vic (vendor success)");

    /// <summary>
    /// Starts a sandbox (optionally with extra accounts) and the flow on a fresh database of <paramref name="provider"/>;
    /// <paramref name="settings"/> and <paramref name="services"/> adjust settings or services.
    /// </summary>
    public static async Task<FlowHarness> StartAsync(
        IEnumerable<string>? extraAccounts = null,
        Action<Dictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        StorageProvider provider = StorageProvider.Sqlite)
    {
        var storage = await TemporaryDatabase.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "onboarding-flow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var seed = extraAccounts is null ? null : await SandboxSeedFile.WriteAsync(folder, extraAccounts);
        var sandbox = await SandboxServer.StartAsync(o =>
        {
            o.EnableTestControl = true;

            // The demo integration's redirect URIs are loopback http, which only a local sandbox allows (docs/netsuite.md, C8).
            o.AllowLoopbackHttpRedirects = true;
            o.SeedFile = seed;
        });

        var accountTemplate = sandbox.BaseAddress + "{account}";
        var values = new Dictionary<string, string?>
        {
            ["NetSuite:ClientId"] = "demo-onboarding-client",
            ["NetSuite:RedirectUri"] = "http://localhost:3978/oauth/netsuite/callback",
            ["NetSuite:AppBaseUrl"] = accountTemplate,
            ["NetSuite:SuiteTalkBaseUrl"] = accountTemplate,
            ["NetSuite:RestletsBaseUrl"] = accountTemplate,
            ["NetSuite:SystemBaseUrl"] = sandbox.BaseAddress + "system",
            ["NetSuite:MaxRetryAttempts"] = "0",
            ["Onboarding:Roles:Operations:0"] = StaffEntry,
            ["Onboarding:Roles:Success:0"] = StaffEntry,
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton(storage.Database);
        collection.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        collection.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        collection.AddSingleton<RecordingPublisher>();
        collection.AddSingleton<IChatPublisher>(sp => sp.GetRequiredService<RecordingPublisher>());
        collection.AddNetSuiteClients(configuration);
        collection.AddOnboardingFlow(configuration);
        services?.Invoke(collection);
        var built = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await new MigrationRunner(built.GetRequiredService<Database>(), TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return new FlowHarness(sandbox, built, storage, folder);
    }

    /// <summary>A card as text, for assertion messages.</summary>
    public static string Describe(StepView? card) => card is null
        ? "(no card)"
        : $"{card.Title} | {card.Heading} | {string.Join(" / ", card.Body)} | {string.Join(", ", card.Checklist.Select(i => $"{i.Label}:{i.State}:{i.Detail}"))} | {card.Footnote}";

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Sends a chat command as <paramref name="user"/> (default Sam) in <paramref name="conversation"/> (default the harness's).</summary>
    public Task SendAsync(string verb, string? argument = null, IReadOnlyDictionary<string, string>? data = null, ChatUser? user = null, ConversationKey? conversation = null, string? deliveryId = null) =>
        Get<IChatCommandHandler>().HandleAsync(
            new ChatCommand(conversation ?? Conversation, user ?? User, verb, argument, data ?? new Dictionary<string, string>(), deliveryId ?? $"delivery-{Interlocked.Increment(ref _deliveries)}", true),
            CancellationToken.None);

    /// <summary>Presses a button of a card: the submit action with <paramref name="label"/>.</summary>
    public Task PressAsync(StepView card, string label, ChatUser? user = null, ConversationKey? conversation = null)
    {
        var action = card.Actions.OfType<SubmitAction>().SingleOrDefault(a => a.Label == label)
            ?? throw new InvalidOperationException($"No button '{label}' on card '{card.Title}': {string.Join(", ", card.Actions.Select(a => a.Label))}");
        return SendAsync(action.Verb, null, action.Data, user, conversation);
    }

    /// <summary>The latest question card (offboard, rotate) as it shows now: the question, or the answer and outcome in its place.</summary>
    public StepView Question() => Publisher.SlotsStartingWith("confirmation/").LastOrDefault() ?? throw new InvalidOperationException("No question card was shown.");

    /// <summary>The onboarding sessions of the harness's conversation, newest first.</summary>
    public async Task<OnboardingSession> SessionAsync(ConversationKey? conversation = null) =>
        (await Get<OnboardingSessions>().ForConversationAsync(conversation ?? Conversation, CancellationToken.None))[0];

    public async Task<StepView> CardAsync(ConversationKey? conversation = null) =>
        Publisher.Card((await SessionAsync(conversation)).Id.Value) ?? throw new InvalidOperationException("No card published.");

    /// <summary>Opens the card's authorize link and posts NetSuite's consent form; returns the redirect's query (what NetSuite sends back).</summary>
    public async Task<AuthorizationCallback> ConsentAsync(StepView card, string decision = "allow", string? chooseAccount = null, string role = "3")
    {
        var link = card.Actions.OfType<OpenUrlAction>().SingleOrDefault(a => a.Label == "Authorize in NetSuite")
            ?? throw new InvalidOperationException($"No authorize link on card '{card.Title}'.");
        var form = new Dictionary<string, string> { ["decision"] = decision, ["role"] = role };
        if (chooseAccount is not null)
        {
            form["account"] = chooseAccount;
        }

        var response = await _browser.PostAsync(link.Url, new FormUrlEncodedContent(form));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Consent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return new AuthorizationCallback(Value("state"), Value("code"), Value("role"), Value("entity"), Value("company"), Value("error"), Value("error_description"));
    }

    /// <summary>Consents and hands the redirect to the engine, as the host's callback endpoint does.</summary>
    public async Task<AuthorizationCallbackResult> AuthorizeAsync(StepView card, string decision = "allow", string? chooseAccount = null, string role = "3") =>
        await CallbackAsync(await ConsentAsync(card, decision, chooseAccount, role));

    public Task<AuthorizationCallbackResult> CallbackAsync(AuthorizationCallback callback) =>
        Get<IAuthorizationCallbackHandler>().HandleAsync(callback, CancellationToken.None);

    /// <summary>Clicks Install on the bundle page in the sandbox (the admin's manual step).</summary>
    public async Task InstallBundleAsync(string account = DemoAccount)
    {
        var response = await _browser.PostAsync(new Uri(Sandbox.AccountBase(account) + $"/app/bundler/bundledetails.nl?id={BundleId}"), new FormUrlEncodedContent([]));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs a whole onboarding of <paramref name="account"/> in the harness's conversation to its end.</summary>
    public async Task<OnboardingSession> OnboardAsync(string account = DemoAccount, ConversationKey? conversation = null, ChatUser? user = null)
    {
        await SendAsync("onboard", account, user: user, conversation: conversation);
        var session = (await Get<OnboardingSessions>().ForConversationAsync(conversation ?? Conversation, CancellationToken.None)).First(s => s.AccountText == account);
        var result = await AuthorizeAsync(Publisher.Card(session.Id.Value)!);
        Assert.True(result.Succeeded, result.Message.En());
        await InstallBundleAsync(account);
        await PressAsync(Publisher.Card(session.Id.Value)!, "I've installed it", user, conversation);
        return (await Get<OnboardingSessions>().FindAsync(session.Id, CancellationToken.None))!;
    }

    /// <summary>Adds a sandbox fault: requests matching the path (under the account) fail with <paramref name="status"/>.</summary>
    public async Task InjectFaultAsync(string pathUnderAccount, string method, int status, int count = 1, string account = DemoAccount, string? errorCode = null)
    {
        var label = AccountId.Parse(account).HostLabel;
        var response = await _browser.PostAsync(
            new Uri(Sandbox.BaseAddress, "_sandbox/faults"),
            JsonContent(new { pathPattern = $"/{label}{pathUnderAccount}", method, status, count, errorCode }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Takes a permission away from a role in the sandbox account (test control).</summary>
    public async Task RemovePermissionAsync(int roleId, string permission, string account = DemoAccount)
    {
        var label = AccountId.Parse(account).HostLabel;
        var response = await _browser.PostAsync(
            new Uri(Sandbox.BaseAddress, $"_sandbox/accounts/{label}/roles/{roleId}/permissions/remove"),
            JsonContent(new { permission }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts to the sandbox's test control under an account, e.g. <c>employees/7/roles/1001/unassign</c> or <c>refresh</c>.</summary>
    public async Task ControlAsync(string pathUnderAccount, string account = DemoAccount)
    {
        var label = AccountId.Parse(account).HostLabel;
        var response = await _browser.PostAsync(new Uri(Sandbox.BaseAddress, $"_sandbox/accounts/{label}/{pathUnderAccount}"), JsonContent(new { }));
        Assert.True(response.IsSuccessStatusCode, $"{pathUnderAccount} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Starts an onboarding of <paramref name="account"/> and authorizes it; returns the session, waiting at step 2 unless the pre-flight stopped it.</summary>
    public async Task<OnboardingSession> AuthorizedAsync(string account = DemoAccount, string role = "3")
    {
        await SendAsync("onboard", account);
        var session = await SessionAsync();
        await AuthorizeAsync(Publisher.Card(session.Id.Value)!, role: role);
        return await SessionAsync();
    }

    /// <summary>
    /// Uploads a certificate of some other app's making to the machine integration in the sandbox, as an admin with a
    /// token of their own would: it counts toward NetSuite's limit of five.
    /// </summary>
    public async Task UploadForeignCertificateAsync(string account = DemoAccount)
    {
        var id = AccountId.Parse(account);
        var authorization = Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(id);
        var consent = await _browser.PostAsync(start.AuthorizeUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "allow", ["role"] = "3" }));
        var code = QueryHelpers.ParseQuery(consent.Headers.Location!.Query)["code"].ToString();
        var admin = await authorization.ExchangeCodeAsync(id, code, start.CodeVerifier, CancellationToken.None);
        var material = Get<global::Onboarding.Engine.Keys.IKeyMaterialFactory>().Create(global::Onboarding.Engine.Keys.KeyAlgorithm.EcP256, account, TimeSpan.FromDays(365));
        var uploaded = await Get<ICertificateClient>().UploadAsync(id, admin.Value!.AccessToken, material.CertificatePem, 1001, 7, CancellationToken.None);
        Assert.True(uploaded.IsSuccess, uploaded.Error?.Explanation.En());
        await authorization.RevokeAsync(id, admin.Value.RefreshToken!.Value, CancellationToken.None);
    }

    public async Task ClearFaultsAsync() => (await _browser.DeleteAsync(new Uri(Sandbox.BaseAddress, "_sandbox/faults"))).EnsureSuccessStatusCode();

    /// <summary>NetSuite's own view of the integration's certificates in an account (test control).</summary>
    public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> SandboxCertificatesAsync(string account = DemoAccount)
    {
        var label = AccountId.Parse(account).HostLabel;
        var text = await _browser.GetStringAsync(new Uri(Sandbox.BaseAddress, $"_sandbox/accounts/{label}/certificates"));
        return [.. System.Text.Json.Nodes.JsonNode.Parse(text)!.AsArray().Select(n => n!.AsObject())];
    }

    public async Task<int> ActiveSandboxCertificatesAsync(string account = DemoAccount) =>
        (await SandboxCertificatesAsync(account)).Count(c => c["revoked"]!.GetValue<bool>() == false);

    public async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var read = await StorageTransaction.BeginAsync(Get<Database>(), write: false, CancellationToken.None);
        return await read.QuerySingleOrDefaultAsync<long>(sql, parameters, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Storage.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}
