using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.NetSuite;

/// <summary>The host's sweep ends an abandoned onboarding's admin access at its deadline, on the host's clock.</summary>
public sealed class AdminAccessSweepServiceTests
{
    [Fact]
    public async Task An_onboarding_left_at_step_2_loses_its_admin_access_when_the_hour_is_up_and_the_card_asks_for_a_fresh_sign_in()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await BotTestBed.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(time));
        using var browser = new AdminBrowser(bed.Host.BaseAddress);
        var onboarding = new TeamsOnboarding(bed, browser, bed.Teams);
        await onboarding.AuthorizeAsync(await onboarding.StartAsync());
        Assert.Equal(1, await DelegatedTokensAsync(bed));

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(1, await DelegatedTokensAsync(bed));
        time.Advance(TimeSpan.FromMinutes(2));

        var card = await onboarding.CardShowingAsync(a => a.HasButton("Sign in again"));
        Assert.Contains(card.CardTexts, t => t.StartsWith("The admin access given for this onboarding ended at", StringComparison.Ordinal));
        Assert.Equal(0, await DelegatedTokensAsync(bed));
    }

    private static async Task<long> DelegatedTokensAsync(BotTestBed bed)
    {
        await using var connection = new SqliteConnection($"Data Source={bed.Host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM delegated_tokens";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
