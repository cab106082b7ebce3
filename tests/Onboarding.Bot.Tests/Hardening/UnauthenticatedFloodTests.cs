using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// A flood of unauthenticated 25 MB requests at <c>/api/messages</c> with a <c>MicrosoftAppId</c> set — with a declared
/// length, chunked with no token, chunked with a forged one — against the built host as a child process. Every one is
/// refused (413 from the declared length, 401 from the headers) and the host's resident memory stays bounded: none of the
/// bodies is buffered. (Before, 24 such requests took the process to 2 GB.)
/// </summary>
public sealed class UnauthenticatedFloodTests : IAsyncLifetime
{
    private const string AppId = "00000000-1111-2222-3333-444444444444";
    private const long TwentyFiveMegabytes = 25L * 1024 * 1024;
    private const int Requests = 36;

    // Kestrel's buffers for that many connections and the refusals' allocations fit well within this; one buffered body
    // would not (36 of them are 900 MB).
    private const double MaxGrowthMegabytes = 128;

    private readonly TestDirectory _directory = new();
    private OpenIdMetadataStandIn _metadata = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataStandIn.StartAsync();
        _bot = await BotProcess.StartAsync(
            _directory,
            _metadata.BotSettings(AppId),
            new Dictionary<string, string> { ["SSL_CERT_FILE"] = _metadata.WriteTrustBundle(_directory.Path) });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _metadata.DisposeAsync();
        _directory.Dispose();
    }

    [LinuxProcFact]
    public async Task Flood_of_unauthenticated_25_MB_requests_is_refused_without_buffering_any_body()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var forged = "Bearer " + _metadata.IssueToken(AppId, "https://smba.stand-in.test/teams/", signWith: stranger);

        // Warm up the paths once (JIT, the metadata fetch), then measure from here.
        await RawHttpRequest.PostAsync(_bot.BaseAddress, "/api/messages", 1024, chunked: true, authorization: forged);
        var baseline = ResidentMemory.CurrentMegabytes(_bot.ProcessId);
        ResidentMemory.ResetPeak(_bot.ProcessId);

        var flood = Enumerable.Range(0, Requests).Select(i => (i % 3) switch
        {
            0 => Expect(StatusCodes.Status413PayloadTooLarge, RawHttpRequest.PostAsync(_bot.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: false)),
            1 => Expect(StatusCodes.Status401Unauthorized, RawHttpRequest.PostAsync(_bot.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: true)),
            _ => Expect(StatusCodes.Status401Unauthorized, RawHttpRequest.PostAsync(_bot.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: true, authorization: forged)),
        });
        var outcomes = await Task.WhenAll(flood);

        Assert.All(outcomes, o => Assert.Equal(o.Expected, o.Actual));
        var growth = ResidentMemory.PeakMegabytes(_bot.ProcessId) - baseline;
        Assert.True(growth < MaxGrowthMegabytes, $"The host's peak resident memory grew by {growth:F0} MB (baseline {baseline:F0} MB).");
    }

    private static async Task<(int Expected, int Actual)> Expect(int expected, Task<int> status) => (expected, await status);
}
