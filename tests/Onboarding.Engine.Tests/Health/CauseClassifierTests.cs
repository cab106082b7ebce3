using Onboarding.Engine.Health;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.Health;

public sealed class CauseClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ValidUntil = Now.AddDays(300);

    [Theory]
    [InlineData(NetSuiteErrorKind.RateLimited, CheckStage.Probe, FailureCause.RateLimited)]
    [InlineData(NetSuiteErrorKind.RateLimited, CheckStage.Mint, FailureCause.RateLimited)]
    [InlineData(NetSuiteErrorKind.Unavailable, CheckStage.Probe, FailureCause.NetSuiteUnavailable)]
    [InlineData(NetSuiteErrorKind.MalformedResponse, CheckStage.Bundle, FailureCause.NetSuiteUnavailable)]
    [InlineData(NetSuiteErrorKind.Network, CheckStage.Mint, FailureCause.Network)]
    [InlineData(NetSuiteErrorKind.CertificateRejected, CheckStage.Mint, FailureCause.CertificateRevoked)]
    [InlineData(NetSuiteErrorKind.PermissionMissing, CheckStage.Probe, FailureCause.PermissionLost)]
    [InlineData(NetSuiteErrorKind.InvalidLogin, CheckStage.Probe, FailureCause.PermissionLost)]
    [InlineData(NetSuiteErrorKind.InvalidScope, CheckStage.Mint, FailureCause.PermissionLost)]
    [InlineData(NetSuiteErrorKind.InvalidRequest, CheckStage.Probe, FailureCause.PermissionLost)]
    [InlineData(NetSuiteErrorKind.ScriptNotDeployed, CheckStage.Bundle, FailureCause.BundleUninstalled)]
    [InlineData(NetSuiteErrorKind.NotFound, CheckStage.Bundle, FailureCause.BundleUninstalled)]
    [InlineData(NetSuiteErrorKind.NotFound, CheckStage.Probe, FailureCause.Unknown)]
    public void Errors_map_to_the_cause_alerts_explain(NetSuiteErrorKind kind, CheckStage stage, FailureCause expected) =>
        Assert.Equal(expected, CauseClassifier.Classify(new NetSuiteError(kind, Phrase.Verbatim("x")), stage, ValidUntil, Now));

    [Fact]
    public void A_refused_certificate_past_its_expiry_is_expired_not_revoked() =>
        Assert.Equal(FailureCause.CertificateExpired, CauseClassifier.Classify(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Verbatim("x")), CheckStage.Mint, Now.AddMinutes(-1), Now));

    [Fact]
    public void A_refused_certificate_right_after_a_live_token_died_means_the_role_vanished() =>
        Assert.Equal(FailureCause.BundleUninstalled, CauseClassifier.Classify(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Verbatim("x")), CheckStage.Mint, ValidUntil, Now, liveTokenRefused: true));

    [Fact]
    public void On_a_sandbox_account_a_live_token_dying_with_the_certificate_means_the_sandbox_was_refreshed() =>
        Assert.Equal(FailureCause.SandboxRefreshed, CauseClassifier.Classify(new NetSuiteError(NetSuiteErrorKind.CertificateRejected, Phrase.Verbatim("x")), CheckStage.Mint, ValidUntil, Now, liveTokenRefused: true, sandboxAccount: true));

    [Fact]
    public void A_refresh_once_seen_is_not_blurred_into_a_revoked_certificate_by_later_refusals()
    {
        Assert.Equal(FailureCause.SandboxRefreshed, CauseClassifier.Sharpen(FailureCause.SandboxRefreshed, FailureCause.CertificateRevoked));
        Assert.Equal(FailureCause.NetSuiteUnavailable, CauseClassifier.Sharpen(FailureCause.SandboxRefreshed, FailureCause.NetSuiteUnavailable));
    }

    [Fact]
    public void Only_a_refreshed_sandbox_offers_Connect_again()
    {
        Assert.Equal([FailureCause.SandboxRefreshed], Enum.GetValues<FailureCause>().Where(c => CauseExplanation.For(c).OffersReconnect));
    }

    [Fact]
    public void Every_cause_has_plain_words_and_a_fix()
    {
        foreach (var cause in Enum.GetValues<FailureCause>())
        {
            var explanation = CauseExplanation.For(cause);
            Assert.False(string.IsNullOrWhiteSpace(explanation.LikelyCause.En()));
            Assert.False(string.IsNullOrWhiteSpace(explanation.Fix.En()));
            Assert.False(string.IsNullOrWhiteSpace(explanation.WhatBroke.En()));
        }
    }
}
