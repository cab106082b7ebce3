using Microsoft.Extensions.Options;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Bot.Tests.Storage;

/// <summary>The Data Protection key ring: shared through PostgreSQL, encrypted with a certificate, warned about when it is not.</summary>
public sealed class KeyRingTests
{
    [SkippableFact]
    public async Task On_PostgreSQL_a_secret_stored_by_one_instance_is_read_by_another_and_the_keys_are_encrypted_at_rest()
    {
        using var directory = new TestDirectory();
        var pfx = Path.Combine(directory.Path, "key-ring.pfx");
        var thumbprint = TestCertificate.Write(pfx);
        await using var storage = await TemporaryDatabase.CreateAsync(StorageProvider.PostgreSql);
        var settings = BotHost.WithStorage(
            new Dictionary<string, string?>
            {
                ["Health:Enabled"] = "false",
                ["DataProtection:Certificate:Path"] = pfx,
                ["DataProtection:Certificate:Password"] = TestCertificate.Password,
            },
            storage);
        var logs = new LogRecorder();
        await using var first = BotHost.Start(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        var stored = first.Services.GetRequiredService<ISecretProtector>().Protect("tests.key-ring", "xoxb-shared-secret"u8);
        await first.DisposeAsync();

        await using var second = BotHost.Start(settings);
        var read = second.Services.GetRequiredService<ISecretProtector>().Unprotect("tests.key-ring", stored);

        Assert.Equal("xoxb-shared-secret"u8.ToArray(), read);
        var keys = await StorageTransaction.ReadAsync(storage.Database, r => r.QueryAsync<string>("SELECT xml FROM data_protection_keys", null, CancellationToken.None), CancellationToken.None);
        var key = Assert.Single(keys);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, l => l.EventId == 731 && l.Message.Contains(thumbprint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_Development_an_unencrypted_key_ring_is_warned_about_at_start_up()
    {
        var logs = new LogRecorder();
        await using var host = BotHost.Start(configureServices: services => services.AddSingleton<ILoggerProvider>(logs), environment: "Production");

        var warning = await logs.WaitForAsync(l => l.EventId == 730);

        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("DataProtection:Certificate:Path", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(host.DatabasePath)!, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_unencrypted_key_ring_is_not_warned_about()
    {
        var logs = new LogRecorder();
        await using var host = BotHost.Start(configureServices: services => services.AddSingleton<ILoggerProvider>(logs));

        await logs.WaitForAsync(l => l.EventId == 701);

        Assert.DoesNotContain(logs.Entries, l => l.EventId is 730 or 731);
    }

    [Theory]
    [InlineData("wrong", true, true, "DataProtection:Certificate:Password is wrong")]
    [InlineData(TestCertificate.Password, false, true, "is not an RSA certificate")]
    [InlineData(null, true, false, "could not be opened")]
    public async Task An_unusable_certificate_stops_the_host_naming_the_setting(string? password, bool rsa, bool withPrivateKey, string expected)
    {
        using var directory = new TestDirectory();
        var pfx = Path.Combine(directory.Path, "key-ring.pfx");
        TestCertificate.Write(pfx, rsa, withPrivateKey);

        var failure = Assert.IsType<OptionsValidationException>(await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = pfx,
            ["DataProtection:Certificate:Password"] = password,
        }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_certificate_file_and_a_path_beside_a_thumbprint_are_both_reported()
    {
        var failure = Assert.IsType<OptionsValidationException>(await BotHost.StartExpectingFailureAsync(new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = "/nonexistent/key-ring.pfx",
            ["DataProtection:PreviousCertificates:0:Path"] = "/nonexistent/old.pfx",
            ["DataProtection:PreviousCertificates:0:Thumbprint"] = "AB12",
        }));

        Assert.Contains("DataProtection:Certificate:Path '/nonexistent/key-ring.pfx' does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:PreviousCertificates:0: set either Path", failure.Message, StringComparison.Ordinal);
    }
}
