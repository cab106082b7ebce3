using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Onboarding.Bot.Sandbox;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Operations;

/// <summary>
/// <c>audit</c> and <c>erase</c> through the real host after a whole onboarding: the audit card answers who used the
/// credentials; erasing revokes in NetSuite and leaves no name, e-mail or company in the database files.
/// </summary>
public sealed class ErasureTests : IAsyncLifetime
{
    private const string StaffId = "29:staff-vic";
    private readonly TestDirectory _seedFolder = new();
    private BotTestBed _bed = null!;
    private AdminBrowser _browser = null!;
    private TeamsActivities _staffChat = null!;

    public async Task InitializeAsync()
    {
        _bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:SeedFile"] = await DistinctiveTenant.WriteSeedAsync(_seedFolder.Path),
            ["Onboarding:Roles:Operations:0"] = TeamsActivities.RoleEntryOf(StaffId),
        });
        _browser = new AdminBrowser(_bed.Host.BaseAddress);
        _staffChat = _bed.Conversation("a:staff-operations");
        var onboarding = new TeamsOnboarding(_bed, _browser, _bed.Teams);
        var card = await onboarding.StartAsync(userName: DistinctiveTenant.ChatUserName);
        await onboarding.InstallAndConfirmAsync(await onboarding.AuthorizeAsync(card), userName: DistinctiveTenant.ChatUserName);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bed.DisposeAsync();
        _seedFolder.Dispose();
    }

    [Fact]
    public async Task Audit_card_shows_who_used_the_tenant_credentials_and_an_intact_chain()
    {
        await _bed.SendAsync(_staffChat.Message($"audit {DistinctiveTenant.Account}", StaffId, "Vic"));

        var card = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _staffChat.ConversationId && a.Shows($"Audit log of {DistinctiveTenant.Account}"))).Last();
        Assert.True(card.Shows("intact"), string.Join(" | ", card.CardTexts));
        Assert.Contains("key.signed-assertion", card.CardTexts);
        Assert.Contains("machine-token.used", card.CardTexts);
        Assert.Contains("aad-29:user-pat", card.CardTexts);
    }

    [Fact]
    public async Task Audit_is_refused_to_anyone_but_staff()
    {
        await _bed.SendAsync(_bed.Teams.Message($"audit {DistinctiveTenant.Account}"));

        var reply = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _bed.Teams.ConversationId && a.Shows("for the vendor's staff"))).Last();
        Assert.False(reply.Shows("key.signed-assertion"));
    }

    [Fact]
    public async Task Erase_revokes_in_NetSuite_and_leaves_no_name_email_or_company_in_the_database_files()
    {
        // Before: the database holds them (the e-mail and legal name are never stored at all).
        Assert.Equal(
            [DistinctiveTenant.AdminFirstName, DistinctiveTenant.ChatUserName, DistinctiveTenant.Company, DistinctiveTenant.AdminLastName],
            DistinctiveTenant.FoundIn(_bed.Host.DatabasePath).Order(StringComparer.Ordinal));

        await _bed.SendAsync(_staffChat.Message($"erase {DistinctiveTenant.Account}", StaffId, "Vic"));
        var confirm = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _staffChat.ConversationId && a.HasButton($"Erase {DistinctiveTenant.Account}"))).Last();
        await _bed.SendAsync(_staffChat.Submit(confirm.SubmitData($"Erase {DistinctiveTenant.Account}"), confirm.AssignedId, StaffId, "Vic"));
        var erased = (await _bed.Connector.WaitForAsync(a => a.ConversationId == _staffChat.ConversationId && a.Shows("is erased"))).Last();

        Assert.True(erased.Shows("Certificate revoked"), string.Join(" | ", erased.CardTexts));
        using var control = new HttpClient { BaseAddress = _bed.Service<EmbeddedSandbox>().BaseAddress };
        var certificates = (await control.GetFromJsonAsync<JsonArray>($"_sandbox/accounts/{DistinctiveTenant.HostLabel}/certificates"))!;
        Assert.NotEmpty(certificates);
        Assert.All(certificates, c => Assert.True(c!["revoked"]!.GetValue<bool>()));

        Assert.Empty(DistinctiveTenant.FoundIn(_bed.Host.DatabasePath));
        Assert.Equal("tenant.erased", await ScalarAsync($"SELECT group_concat(action) FROM audit_log WHERE account_id = '{DistinctiveTenant.Account}'"));
        Assert.Equal(0L, await ScalarAsync($"SELECT COUNT(*) FROM onboarding_sessions WHERE account_id = '{DistinctiveTenant.Account}'"));

        var path = _bed.Host.DatabasePath;
        await _bed.Host.DisposeAsync();
        Assert.Empty(DistinctiveTenant.FoundIn(path));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_bed.Host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
