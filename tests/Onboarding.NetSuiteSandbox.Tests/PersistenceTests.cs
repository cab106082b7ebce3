using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

/// <summary>With Sandbox:StateFile the sandbox comes back after a restart as it was: tokens, certificates, bundles, records.</summary>
public sealed class PersistenceTests : SandboxTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sandbox-state-tests", Guid.NewGuid().ToString("N"));

    public PersistenceTests() => Settings = options => options.StateFile = StatePath;

    private string StatePath => Path.Combine(_folder, "sandbox-state.json");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Tokens_certificates_bundles_and_records_issued_before_a_restart_keep_working_after_it()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var machine = (await JsonAsync(await MintAsync(key, kid), HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        var (admin, refresh) = await AdminTokensAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Post, RecordUrl, machine, new JsonObject { ["name"] = "tier", ["custrecord_onboarding_config_value"] = "gold" })).StatusCode);
        var keysBefore = await Http.GetStringAsync($"{Base}/services/rest/auth/oauth2/v1/keys");

        await RestartAsync();

        var records = await JsonAsync(await SuiteQlAsync(machine, "SELECT name, custrecord_onboarding_config_value AS v FROM customrecord_onboarding_config"), HttpStatusCode.OK);
        Assert.Equal("gold", records["items"]![0]!["v"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, RestletUrl + "&bundleId=500123", machine)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MintAsync(key, kid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(admin, "SELECT id FROM role WHERE id = 1001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(refresh)).StatusCode);
        Assert.Equal(keysBefore, await Http.GetStringAsync($"{Base}/services/rest/auth/oauth2/v1/keys"));
    }

    [Fact]
    public async Task Revocations_role_changes_blocks_and_the_clock_survive_a_restart()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var (admin, refresh) = await AdminTokensAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{kid}/revoke", admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"{Base}/services/rest/auth/oauth2/v1/revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = refresh, ["client_id"] = ClientId }))).StatusCode);
        await ControlAsync($"accounts/{AccountId}/employees/{AdminEntityId}/roles/{AppRoleId}/unassign");
        await ControlAsync($"accounts/{AccountId}/roles/{AppRoleId}/permissions/remove", new { permission = "ADMI_COMPANY" });
        await ControlAsync($"accounts/{AccountId}/features/ServerSuiteScript/disable");
        await ControlAsync($"accounts/{SecondAccountId}/integrations/{MachineClientId}/block");
        await AdvanceClockAsync(TimeSpan.FromMinutes(10));
        var before = await SandboxNowAsync();

        await RestartAsync();

        var account = (await Http.GetFromJsonAsync<JsonObject>($"{Server.BaseAddress}_sandbox/accounts/{AccountId}"))!;
        var second = (await Http.GetFromJsonAsync<JsonObject>($"{Server.BaseAddress}_sandbox/accounts/{SecondAccountId}"))!;
        Assert.True(await SandboxNowAsync() >= before);
        Assert.Equal("invalid_client", await OAuthErrorAsync(await MintAsync(key, kid), HttpStatusCode.Unauthorized));
        Assert.Equal("invalid_grant", await OAuthErrorAsync(await RefreshAsync(refresh), HttpStatusCode.BadRequest));
        Assert.Equal([3], account["employees"]![0]!["roles"]!.AsArray().Select(r => r!.GetValue<int>()));
        Assert.DoesNotContain("ADMI_COMPANY", account["roles"]!.AsArray().Single(r => r!["id"]!.GetValue<int>() == AppRoleId)!["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain("ServerSuiteScript", account["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("Blocked", second["integrations"]!.AsArray().Single(i => i!["clientId"]!.GetValue<string>() == MachineClientId)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_state_file_holds_no_token_and_no_readable_private_key()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var machine = (await JsonAsync(await MintAsync(key, kid), HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        var (admin, refresh) = await AdminTokensAsync();

        var text = await File.ReadAllTextAsync(StatePath);

        Assert.DoesNotContain(machine, text, StringComparison.Ordinal);
        Assert.DoesNotContain(admin, text, StringComparison.Ordinal);
        Assert.DoesNotContain(refresh, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.Contains(kid, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_state_file_resets_the_sandbox_to_its_seed()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        File.Delete(StatePath);
        await RestartAsync();

        var account = (await Http.GetFromJsonAsync<JsonObject>($"{Server.BaseAddress}_sandbox/accounts/{AccountId}"))!;
        Assert.Empty(account["installedBundles"]!.AsArray());
        Assert.Equal("invalid_client", await OAuthErrorAsync(await MintAsync(key, kid), HttpStatusCode.Unauthorized));
    }
}

public sealed class BrokenStateFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sandbox-state-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_state_file_that_is_not_one_stops_start_up_naming_the_setting_and_is_left_untouched()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "sandbox-state.json");
        await File.WriteAllTextAsync(path, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(o => o.StateFile = path));

        Assert.Contains("Sandbox:StateFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete", error.Message, StringComparison.Ordinal);
        Assert.Equal("{ not json", await File.ReadAllTextAsync(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
