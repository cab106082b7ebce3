using Onboarding.Engine.Health;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Tests.Health;

/// <summary>The one-hour re-authorization that rotates a certificate when the app's role cannot manage certificates.</summary>
public sealed class ReauthorizedRotationTests
{
    private const string ManageCertificates = "Manage own OAuth 2.0 Client Credentials certificates";

    [Fact]
    public async Task Reauthorize_rotates_with_the_admins_token_then_revokes_and_erases_that_token()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var original = await harness.ActiveCertificateIdAsync();
        await harness.RemovePermissionAsync(1001, ManageCertificates);

        await harness.Flow.SendAsync(HealthVerbs.Reauthorize, data: Account(harness), user: harness.Flow.Staff, conversation: harness.Ops);
        var request = Assert.Single(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal("Re-authorize 1234567_SB1 for one hour — to rotate its certificate", request.Title);
        var result = await harness.Flow.AuthorizeAsync(request);

        Assert.True(result.Succeeded, result.Message.En());
        var rotated = await harness.ActiveCertificateIdAsync();
        Assert.NotEqual(original, rotated);
        var active = (await harness.Flow.SandboxCertificatesAsync()).Where(c => c["revoked"]!.GetValue<bool>() == false).ToList();
        Assert.Equal(rotated, Assert.Single(active)["certificate_id"]!.ToString());
        var finished = Assert.Single(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal(Tone.Good, finished.Tone);
        Assert.Contains(finished.Facts, f => f.Name == "New certificate" && f.Value == rotated);
        Assert.Equal(0, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM reauthorizations WHERE protected_refresh_token IS NOT NULL"));
        Assert.Equal(1, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.revoked' AND outcome = 'revoked' AND detail LIKE 'reauthorization %'"));
        await harness.CycleAfterAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(HealthState.Healthy, (await harness.HealthAsync()).State);
    }

    [Fact]
    public async Task Rotate_without_the_certificate_permission_offers_a_reauthorization_on_the_same_card()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        await harness.RemovePermissionAsync(1001, ManageCertificates);

        await harness.Flow.SendAsync("rotate", "1234567_SB1", user: harness.Flow.Staff, conversation: harness.Ops);
        await harness.Flow.PressAsync(harness.Flow.Question(), harness.Flow.Question().Actions.OfType<SubmitAction>().First().Label, user: harness.Flow.Staff, conversation: harness.Ops);
        var outcome = harness.Flow.Question();
        Assert.StartsWith("Couldn't rotate the certificate for Demo Company (Sandbox) (1234567_SB1)", outcome.Title, StringComparison.Ordinal);
        Assert.Contains(outcome.Body, b => b.StartsWith("Press Re-authorize", StringComparison.Ordinal));
        Assert.Empty(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));

        await harness.Flow.PressAsync(outcome, "Re-authorize", user: harness.Flow.Staff, conversation: harness.Ops);

        var request = Assert.Single(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal("Re-authorize 1234567_SB1 for one hour — to rotate its certificate", request.Title);
        Assert.True((await harness.Flow.AuthorizeAsync(request)).Succeeded);
        Assert.Equal(1, await harness.Flow.ActiveSandboxCertificatesAsync());
    }

    [Fact]
    public async Task An_expired_reauthorization_link_is_refused_and_rotates_nothing()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();
        var original = await harness.ActiveCertificateIdAsync();
        await harness.Flow.SendAsync(HealthVerbs.Reauthorize, data: Account(harness), user: harness.Flow.Staff, conversation: harness.Ops);
        var request = Assert.Single(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));

        await harness.AdvanceAsync(TimeSpan.FromMinutes(11));
        var result = await harness.Flow.AuthorizeAsync(request);

        Assert.False(result.Succeeded);
        Assert.Equal(original, await harness.ActiveCertificateIdAsync());
        var stopped = Assert.Single(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Contains("expired", stopped.Summary, StringComparison.Ordinal);
        Assert.Equal("Re-authorize again", Assert.Single(stopped.Actions).Label);
        Assert.Equal(0, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'admin-token.received' AND detail LIKE 'reauthorization %'"));
    }

    [Fact]
    public async Task Reauthorize_is_refused_to_anyone_but_staff()
    {
        await using var harness = await HealthHarness.StartAsync();
        await harness.OnboardAsync();

        await harness.Flow.SendAsync(HealthVerbs.Reauthorize, data: Account(harness), user: harness.Flow.User, conversation: harness.Ops);

        Assert.Equal("That command is for the vendor's staff", harness.Flow.Publisher.Messages(harness.Ops)[^1].Title);
        Assert.Empty(harness.Flow.Publisher.SlotsStartingWith("reauthorization/"));
        Assert.Equal(0, await harness.Flow.ScalarAsync("SELECT COUNT(*) FROM reauthorizations"));
    }

    private static Dictionary<string, string> Account(HealthHarness harness) => new() { [HealthVerbs.AccountKey] = harness.Account.Value };
}
