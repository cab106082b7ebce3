using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Tests.Onboarding;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>
/// The flow harness (in-process sandbox, real database, real crypto) plus health monitoring, on a fake clock that moves
/// together with the sandbox's. Cycles are driven directly; no real timer runs.
/// </summary>
public sealed class HealthHarness : IAsyncDisposable
{
    private readonly HttpClient _control = new(new HttpClientHandler { AllowAutoRedirect = false });

    private HealthHarness(FlowHarness flow, FakeTimeProvider time, AccountId account)
    {
        Flow = flow;
        Time = time;
        Account = account;
    }

    public FlowHarness Flow { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The tenant: the OneWorld sandbox demo account unless the test picks the non-OneWorld production-style one.</summary>
    public AccountId Account { get; }

    /// <summary>The ops team's channel, subscribed to alerts by <see cref="OnboardAsync"/>.</summary>
    public ConversationKey Ops { get; } = new("msteams", "tenant-1", "ops-" + Guid.NewGuid().ToString("N"));

    public HealthMonitor Monitor => Flow.Get<HealthMonitor>();

    public RefusingPublisher Publisher => Flow.Get<RefusingPublisher>();

    public static async Task<HealthHarness> StartAsync(
        Action<Dictionary<string, string?>>? health = null,
        Action<Dictionary<string, string?>>? settings = null,
        StorageProvider provider = StorageProvider.Sqlite,
        string account = FlowHarness.DemoAccount,
        Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var values = new Dictionary<string, string?> { ["Health:CheckJitter"] = "00:00:00" };
        health?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var flow = await FlowHarness.StartAsync(settings: settings, services: collection =>
        {
            collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            collection.AddSingleton(sp => new RefusingPublisher(sp.GetRequiredService<RecordingPublisher>()));
            collection.Replace(ServiceDescriptor.Singleton<IChatPublisher>(sp => sp.GetRequiredService<RefusingPublisher>()));
            collection.AddConnectionHealth(configuration);
            services?.Invoke(collection);
        }, provider: provider);
        return new HealthHarness(flow, time, AccountId.Parse(account));
    }

    /// <summary>Onboards the demo account to Completed and subscribes <see cref="Ops"/> to alerts.</summary>
    public async Task OnboardAsync()
    {
        await Flow.OnboardAsync(Account.Value);
        await SubscribeAsync(Ops);
    }

    public Task SubscribeAsync(ConversationKey conversation) => Flow.SendAsync(ChatVerbs.Alerts, "here", user: Flow.Staff, conversation: conversation);

    /// <summary>Everything shown in a conversation after the "alerts here" reply: (view, slot) in order.</summary>
    public IReadOnlyList<(StepView View, CardSlot? Slot)> Shown(ConversationKey conversation) =>
        [.. Flow.Publisher.All.Where(m => m.Conversation == conversation).Skip(1).Select(m => (m.View, m.Slot))];

    /// <summary>Cards posted as new messages under an alert slot (the first view per slot), not later updates.</summary>
    public IReadOnlyList<StepView> AlertPosts(ConversationKey conversation) =>
        [.. Shown(conversation).Where(m => m.Slot is { } s && s.Value.StartsWith("alert/", StringComparison.Ordinal)).GroupBy(m => m.Slot).Select(g => g.First().View)];

    /// <summary>Messages without a slot (notices) in a conversation after the subscription reply.</summary>
    public IReadOnlyList<StepView> Notices(ConversationKey conversation) => [.. Shown(conversation).Where(m => m.Slot is null).Select(m => m.View)];

    public Task<CycleSummary> CycleAsync() => Monitor.RunCycleAsync(CancellationToken.None);

    public async Task<CycleSummary> CycleAfterAsync(TimeSpan wait)
    {
        await AdvanceAsync(wait);
        return await CycleAsync();
    }

    /// <summary>Moves the engine's fake clock and the sandbox's clock forward together.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await AdvanceSandboxAsync(by);
    }

    /// <summary>Moves only the sandbox's clock, e.g. to catch up with the engine's after moving that alone.</summary>
    public Task AdvanceSandboxAsync(TimeSpan by) => PostControlAsync("_sandbox/clock/advance", new { seconds = by.TotalSeconds });

    public async Task<TenantHealth> HealthAsync() => (await Flow.Get<TenantHealthStore>().FindAsync(Account, CancellationToken.None))!;

    public Task<IReadOnlyList<CheckResult>> ChecksAsync() => Flow.Get<HealthCheckLog>().RecentAsync(Account, 1000, CancellationToken.None);

    public async Task<string> ActiveCertificateIdAsync() =>
        (await Flow.Get<ITenantKeyRing>().ActiveKeyAsync(Account, CancellationToken.None))!.NetSuiteCertificateId!;

    public Task RevokeCertificateInNetSuiteAsync(string certificateId) =>
        PostControlAsync($"_sandbox/accounts/{Account.HostLabel}/certificates/{certificateId}/revoke", null);

    /// <summary>From a first healthy cycle, uninstalls the bundle and runs the cycles that take the tenant down (one failure, then the confirming one).</summary>
    public async Task BundleGoesDownAsync()
    {
        await CycleAsync();
        await UninstallBundleAsync();
        await CycleAfterAsync(TimeSpan.FromMinutes(5));
        await CycleAfterAsync(TimeSpan.FromMinutes(1));
    }

    public Task RemovePermissionAsync(int roleId, string permission) =>
        PostControlAsync($"_sandbox/accounts/{Account.HostLabel}/roles/{roleId}/permissions/remove", new { permission });

    public Task UninstallBundleAsync() => PostControlAsync($"_sandbox/accounts/{Account.HostLabel}/bundles/{FlowHarness.BundleId}/uninstall", null);

    /// <summary>A NetSuite admin's one-hour token, as a re-authorization would give it: consent posted, code exchanged.</summary>
    public async Task<BearerToken> AdminTokenAsync()
    {
        var authorization = Flow.Get<INetSuiteAuthorization>();
        var start = authorization.BeginAuthorization(Account);
        var consent = await _control.PostAsync(start.AuthorizeUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "allow", ["role"] = "3" }));
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var code = QueryHelpers.ParseQuery(consent.Headers.Location!.Query)["code"].ToString();
        var tokens = await authorization.ExchangeCodeAsync(Account, code, start.CodeVerifier, CancellationToken.None);
        Assert.True(tokens.IsSuccess, tokens.Error?.Explanation.En());
        return tokens.Value.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Flow.DisposeAsync();
    }

    private async Task PostControlAsync(string path, object? body)
    {
        using var content = new StringContent(body is null ? string.Empty : System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        var response = await _control.PostAsync(new Uri(Flow.Sandbox.BaseAddress, path), content);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
