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
    private const string AppId = AuthenticatedBotProcess.AppId;
    private const long TwentyFiveMegabytes = 25L * 1024 * 1024;
    private const int Requests = 36;

    // Kestrel's buffers for that many connections and the refusals' allocations fit well within this; one buffered body
    // would not (36 of them are 900 MB).
    private const double MaxGrowthMegabytes = 128;

    private AuthenticatedBotProcess _host = null!;

    private OpenIdMetadataStandIn Metadata => _host.Metadata;

    private BotProcess ChildHost => _host.Bot;

    public async Task InitializeAsync() => _host = await AuthenticatedBotProcess.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [LinuxProcFact]
    public async Task Flood_of_unauthenticated_25_MB_requests_is_refused_without_buffering_any_body()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var forged = "Bearer " + Metadata.IssueToken(AppId, "https://smba.stand-in.test/teams/", signWith: stranger);

        // Warm up the paths once (JIT, the metadata fetch), then measure from here.
        await RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", 1024, chunked: true, authorization: forged);
        var baseline = ResidentMemory.CurrentMegabytes(ChildHost.ProcessId);
        ResidentMemory.ResetPeak(ChildHost.ProcessId);

        var flood = Enumerable.Range(0, Requests).Select(i => (i % 3) switch
        {
            0 => Expect(StatusCodes.Status413PayloadTooLarge, RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: false)),
            1 => Expect(StatusCodes.Status401Unauthorized, RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: true)),
            _ => Expect(StatusCodes.Status401Unauthorized, RawHttpRequest.PostAsync(ChildHost.BaseAddress, "/api/messages", TwentyFiveMegabytes, chunked: true, authorization: forged)),
        });
        var outcomes = await Task.WhenAll(flood);

        Assert.All(outcomes, o => Assert.Equal(o.Expected, o.Actual));
        var growth = ResidentMemory.PeakMegabytes(ChildHost.ProcessId) - baseline;
        Assert.True(growth < MaxGrowthMegabytes, $"The host's peak resident memory grew by {growth:F0} MB (baseline {baseline:F0} MB).");
    }

    private static async Task<(int Expected, int Actual)> Expect(int expected, Task<int> status) => (expected, await status);
}
