using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// NetSuite misbehaving during steps 2–3 (bundle check, role lookup, certificate upload, machine token, test query):
/// 429s, 500s, 503s and answers too slow to wait for. Each either is retried within bounds and the onboarding completes,
/// or the card shows a clear failure with Retry that completes once NetSuite is well again — never a hang, never a
/// second certificate. (Malformed JSON is a value, not a crash: Engine.Tests/NetSuite/RestClientsTests.cs; the
/// monitor riding out a 429 storm: Engine.Tests/Health/MonitorScenarioTests.cs.)
/// </summary>
public sealed class FaultToleranceTests : IAsyncLifetime
{
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private HttpClient _control = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
        {
            // Short enough that a held answer is given up within seconds, long enough for a busy CI machine's real answers.
            ["NetSuite:AttemptTimeout"] = "00:00:03",
            ["NetSuite:TotalTimeout"] = "00:00:06",
            ["NetSuite:RetryBaseDelay"] = "00:00:00.050",
        });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _control = new HttpClient { BaseAddress = _bed.Service<EmbeddedSandbox>().BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        _browser.Dispose();
        await _bed.DisposeAsync();
    }

    public static TheoryData<string, string, int?, int> Faults => new()
    {
        { "*/services/rest/query/v1/suiteql", "POST", 429, 2 },
        { "*/services/rest/query/v1/suiteql", "POST", 500, 2 },
        { "*/services/rest/query/v1/suiteql", "POST", 503, 10 },
        { "*/services/rest/query/v1/suiteql", "POST", null, 10 },
        { "*/app/site/hosting/restlet.nl", "GET", 429, 2 },
        { "*/app/site/hosting/restlet.nl", "GET", 503, 10 },
        { "*certificates", "POST", 503, 1 },
        { "*certificates", "POST", 429, 10 },
        { "*/services/rest/auth/oauth2/v1/token", "POST", 429, 2 },
        { "*/services/rest/auth/oauth2/v1/token", "POST", 500, 10 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task NetSuite_failing_is_retried_or_shown_with_a_retry_that_completes(string pathPattern, string method, int? status, int count)
    {
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        var step2 = await onboarding.AuthorizeAsync(await onboarding.StartAsync());
        await _browser.InstallBundleAsync(step2.Link("Open install page"));
        var fault = new JsonObject { ["pathPattern"] = pathPattern, ["method"] = method, ["count"] = count };
        if (status is { } failWith)
        {
            fault["status"] = failWith;
        }
        else
        {
            fault["latencyMs"] = 10_000;
        }

        (await _control.PostAsJsonAsync("_sandbox/faults", fault)).EnsureSuccessStatusCode();
        await _bed.SendAsync(_bed.Teams.Submit(step2.SubmitData("I've installed it"), onboarding.CardId));

        var outcome = await onboarding.CardShowingAsync(a => a.Shows("is connected") || a.HasButton("Retry"));
        if (!outcome.Shows("is connected"))
        {
            (await _control.DeleteAsync("_sandbox/faults")).EnsureSuccessStatusCode();
            await _bed.SendAsync(_bed.Teams.Submit(outcome.SubmitData("Retry"), onboarding.CardId));
            await onboarding.CardShowingAsync(a => a.Shows("is connected"));
        }

        var certificates = (await _control.GetFromJsonAsync<JsonArray>("_sandbox/accounts/1234567-sb1/certificates"))!;
        Assert.Single(certificates, c => c!["revoked"]!.GetValue<bool>() == false);
    }
}
