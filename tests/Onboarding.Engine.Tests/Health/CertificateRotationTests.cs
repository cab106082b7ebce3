using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Kit;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

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
    private readonly Mock<ISuiteQlClient> _suiteQl = new();

    public CertificateRotationTests() =>
        _keys.Setup(k => k.TryBeginRotationAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<IAsyncDisposable>());

    [Fact]
    public async Task With_five_active_unexpired_certificates_it_refuses_before_generating_anything()
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
        Assert.Contains("5 active certificates", outcome.Error!.Explanation.En(), StringComparison.Ordinal);
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
        _certificates.Setup(c => c.RevokeAsync(Account, Token, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(NetSuiteResult<CertificateRevocation>.Success(CertificateRevocation.Revoked));
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
            .ReturnsAsync(NetSuiteResult<BearerToken>.Failure(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Verbatim("refused"), 401, "invalid_client")));

        var outcome = await Rotation().RotateAsync(Account, null, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.NeedsReauthorization, outcome.Status);
        Assert.Equal("token", outcome.Stage);
    }

    [Fact]
    public async Task Expired_and_revoked_certificates_do_not_count_toward_the_limit_of_five()
    {
        var current = CurrentKey();
        List<NetSuiteCertificate> listed =
        [
            Listed("cert-current", entity: 7, revoked: false),
            .. Enumerable.Range(1, 3).Select(i => Listed($"cert-other-{i}", entity: 100 + i, revoked: false)),
            Listed("cert-revoked", entity: 200, revoked: true),
            Listed("cert-expired", entity: 201, revoked: false) with { ValidUntil = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime).AddDays(-1) },
        ];
        SetUpRotation(current, listed, newCertificateWorks: true);

        var outcome = await Rotation().RotateAsync(Account, Token, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Rotated, outcome.Status);
    }

    [Fact]
    public async Task The_old_certificate_is_revoked_only_after_the_new_one_is_uploaded_proven_and_switched_to()
    {
        var current = CurrentKey();
        var calls = SetUpRotation(current, [Listed("cert-current", entity: 7, revoked: false)], newCertificateWorks: true);

        var outcome = await Rotation().RotateAsync(Account, Token, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Rotated, outcome.Status);
        Assert.True(outcome.OldRevoked);
        Assert.Equal(["upload", "mint cert-new", "probe", "switch pending", "revoke cert-current", "erase current"], calls);
    }

    [Fact]
    public async Task A_new_certificate_that_fails_its_proof_is_withdrawn_and_the_old_one_stays_active()
    {
        var current = CurrentKey();
        var calls = SetUpRotation(current, [Listed("cert-current", entity: 7, revoked: false)], newCertificateWorks: false);

        var outcome = await Rotation().RotateAsync(Account, Token, "test", CancellationToken.None);

        Assert.Equal(RotationStatus.Failed, outcome.Status);
        Assert.Equal("prove", outcome.Stage);
        Assert.True(outcome.OldKeptActive);
        Assert.Equal("cert-current", outcome.OldCertificateId);
        Assert.Equal(["upload", "mint cert-new", "revoke cert-new", "erase pending"], calls);
        _keys.Verify(k => k.SwitchAsync(It.IsAny<AccountId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private TenantKey CurrentKey() => Key("current", "cert-current", TenantKeyStatus.Active);

    // A rotation whose upload answers cert-new and whose proof passes or fails; returns the calls in the order made.
    private List<string> SetUpRotation(TenantKey current, List<NetSuiteCertificate> listed, bool newCertificateWorks)
    {
        var calls = new List<string>();
        var pending = Key("pending", null, TenantKeyStatus.Pending);
        _keys.Setup(k => k.ActiveKeyAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync(current);
        _keys.Setup(k => k.LiveKeysAsync(Account, It.IsAny<CancellationToken>())).ReturnsAsync([current]);
        _keys.Setup(k => k.AddPendingAsync(Account, It.IsAny<TenantKeyMaterial>(), 1001, 7, It.IsAny<CancellationToken>())).ReturnsAsync(pending);
        _keys.Setup(k => k.SwitchAsync(Account, "pending", It.IsAny<CancellationToken>())).Callback(() => calls.Add("switch pending")).Returns(Task.CompletedTask);
        _keys.Setup(k => k.RevokeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback<string, CancellationToken>((id, _) => calls.Add($"erase {id}")).Returns(Task.CompletedTask);
        _keyFactory.Setup(f => f.Create(It.IsAny<KeyAlgorithm>(), Account.Value, It.IsAny<TimeSpan>()))
            .Returns(() => new TenantKeyMaterial(KeyAlgorithm.EcP256, "pem-new", [1, 2, 3], Time.GetUtcNow(), Time.GetUtcNow().AddDays(730)));
        _certificates.Setup(c => c.ListAsync(Account, Token, It.IsAny<CancellationToken>())).ReturnsAsync(NetSuiteResult<IReadOnlyList<NetSuiteCertificate>>.Success(listed));
        _certificates.Setup(c => c.UploadAsync(Account, Token, "pem-new", 1001, 7, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("upload"))
            .ReturnsAsync(NetSuiteResult<UploadedCertificate>.Success(new UploadedCertificate("cert-new", "EC", 1001, 7, new DateOnly(2026, 11, 28), new DateOnly(2028, 11, 27))));
        _certificates.Setup(c => c.RevokeAsync(Account, Token, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<AccountId, BearerToken, string, CancellationToken>((_, _, id, _) => calls.Add($"revoke {id}"))
            .ReturnsAsync(NetSuiteResult<CertificateRevocation>.Success(CertificateRevocation.Revoked));
        _tokens.Setup(t => t.GetAsync(It.Is<MachineCredential>(c => c.CertificateId == "cert-new"), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("mint cert-new"))
            .ReturnsAsync(newCertificateWorks
                ? NetSuiteResult<BearerToken>.Success(new BearerToken("new-token"))
                : NetSuiteResult<BearerToken>.Failure(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Verbatim("refused"), 401, "invalid_client")));
        _suiteQl.Setup(q => q.QueryAsync(Account, new BearerToken("new-token"), "SELECT id FROM customrecord_onboarding_config", null, It.IsAny<CancellationToken>(), 1, 0))
            .Callback(() => calls.Add("probe"))
            .ReturnsAsync(NetSuiteResult<SuiteQlPage>.Success(new SuiteQlPage([], 0, 0, 0, false)));
        return calls;
    }

    private CertificateRotation Rotation() => new(
        _keys.Object,
        _tokens.Object,
        _certificates.Object,
        new ConnectionProbe(_suiteQl.Object, Options.Create(new OnboardingOptions()), Time),
        _keyFactory.Object,
        Options.Create(new NetSuiteOptions()),
        new HealthMetrics(new TestMeterFactory()),
        Time,
        NullLogger<CertificateRotation>.Instance);

    private static TenantKey Key(string id, string? certificateId, TenantKeyStatus status) =>
        new(id, Account, KeyAlgorithm.EcP256, "thumb", certificateId, 1001, 7, Time.GetUtcNow().AddDays(-700), Time.GetUtcNow().AddDays(30), status, Time.GetUtcNow().AddDays(-700));

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
