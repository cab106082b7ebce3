using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

/// <summary>Rotation's planning rules, with NetSuite and the key ring isolated.</summary>
public sealed class CertificateRotationTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private static readonly BearerToken Token = new("token");

    private readonly Mock<ITenantKeyRing> _keys = new();
    private readonly Mock<IClientCredentialsTokens> _tokens = new();
    private readonly Mock<ICertificateClient> _certificates = new();
    private readonly Mock<IKeyMaterialFactory> _keyFactory = new();

    public CertificateRotationTests() =>
        _keys.Setup(k => k.TryBeginRotationAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<IAsyncDisposable>());

    [Fact]
    public async Task With_five_active_certificates_and_a_free_slot_it_refuses_before_generating_anything()
    {
        var current = Key("current", "cert-current", TenantKeyStatus.Active);
        _keys.Setup(k => k.ActiveKeyAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(current);
        _keys.Setup(k => k.LiveKeysAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync([current]);
        List<NetSuiteCertificate> listed =
        [
            Listed("cert-current", entity: 7, revoked: true),
            .. Enumerable.Range(1, 5).Select(i => Listed($"cert-other-{i}", entity: 100 + i, revoked: false)),
        ];
        _certificates.Setup(c => c.ListAsync(Account, Token, It.IsAny<CancellationToken>())).ReturnsAsync(NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>.Success(listed));

        var outcome = await Rotation().RotateAsync(Account, Token, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Failed, outcome.Status);
        Assert.Contains("5 active certificates", outcome.Error!.Explanation, StringComparison.Ordinal);
        _keyFactory.VerifyNoOtherCalls();
        _certificates.Verify(c => c.UploadAsync(It.IsAny<AccountId>(), It.IsAny<BearerToken>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Keys_left_by_an_interrupted_rotation_are_revoked_before_a_new_one_is_made()
    {
        var current = Key("current", "cert-current", TenantKeyStatus.Active);
        var leftover = Key("leftover", "cert-leftover", TenantKeyStatus.Pending);
        _keys.Setup(k => k.ActiveKeyAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(current);
        _keys.Setup(k => k.LiveKeysAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync([leftover, current]);
        _certificates.Setup(c => c.ListAsync(Account, Token, It.IsAny<CancellationToken>())).ReturnsAsync(
            NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>.Success([Listed("cert-current", 7, false), Listed("cert-leftover", 8, false)]));
        _certificates.Setup(c => c.RevokeAsync(Account, Token, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(NetSuiteResult<bool>.Success(true));
        _keyFactory.Setup(f => f.Create(It.IsAny<KeyAlgorithm>(), Account.Value, It.IsAny<TimeSpan>())).Throws(new InvalidOperationException("stop here"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Rotation().RotateAsync(Account, Token, "test", CancellationToken.None));

        _certificates.Verify(c => c.RevokeAsync(Account, Token, "cert-leftover", It.IsAny<CancellationToken>()), Times.Once);
        _keys.Verify(k => k.RevokeAsync("leftover", It.IsAny<CancellationToken>()), Times.Once);
        _certificates.Verify(c => c.RevokeAsync(Account, Token, "cert-current", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_refused_app_token_asks_for_a_reauthorization()
    {
        var current = Key("current", "cert-current", TenantKeyStatus.Active);
        _keys.Setup(k => k.ActiveKeyAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(current);
        _keys.Setup(k => k.CredentialAsync(current, It.IsAny<CancellationToken>())).ReturnsAsync(new MachineCredential(Account, "cert-current", KeyAlgorithm.EcP256, new byte[] { 1 }));
        _tokens.Setup(t => t.GetAsync(It.IsAny<MachineCredential>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(NetSuiteResult<BearerToken>.Failure(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, "refused", 401, "invalid_client")));

        var outcome = await Rotation().RotateAsync(Account, null, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.NeedsReauthorization, outcome.Status);
        Assert.Equal("token", outcome.Stage);
    }

    private CertificateRotation Rotation() => new(
        _keys.Object,
        _tokens.Object,
        _certificates.Object,
        Mock.Of<ISuiteQlClient>(),
        _keyFactory.Object,
        Options.Create(new NetSuiteOptions()),
        Options.Create(new HealthOptions()),
        new HealthMetrics(new TestMeterFactory()),
        Time,
        NullLogger<CertificateRotation>.Instance);

    private static TenantKey Key(string id, string certificateId, TenantKeyStatus status) =>
        new(id, Account, KeyAlgorithm.EcP256, "pem", "thumb", certificateId, 1001, 7, Time.GetUtcNow().AddDays(-700), Time.GetUtcNow().AddDays(30), status, Time.GetUtcNow().AddDays(-700));

    private static NetSuiteCertificate Listed(string id, long entity, bool revoked) =>
        new(id, "EC", 1001, "Onboarding App Integration", entity, null, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1), revoked);

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
