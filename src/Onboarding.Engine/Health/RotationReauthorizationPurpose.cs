using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>Rotates a tenant's certificate with a re-authorization's admin token, when the app's role cannot manage certificates.</summary>
public sealed class RotationReauthorizationPurpose(CertificateRotation rotation) : IReauthorizationPurpose
{
    public ReauthorizationPurpose Purpose => ReauthorizationPurpose.RotateCertificate;

    public Phrase Describe(Reauthorization reauthorization) => Phrase.Of(nameof(Reauthorization_ToRotate));

    public async Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reauthorization);
        var outcome = await rotation.RotateAsync(reauthorization.Account, adminToken, "re-authorization", cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            RotationStatus.Rotated => new ReauthorizationResult(
                true,
                Phrase.Of(outcome.OldRevoked ? nameof(Reauthorization_Rotated) : nameof(Reauthorization_RotatedOldKept)),
                [
                    new ResultFact(Phrase.Of(nameof(Fact_NewCertificate)), Phrase.Verbatim(outcome.NewCertificateId!)),
                    new ResultFact(Phrase.Of(nameof(Fact_ValidUntil)), Phrase.Of(nameof(Fact_Date), DateOnly.FromDateTime(outcome.ValidUntil!.Value.UtcDateTime))),
                    .. outcome.OldCertificateId is { } old && outcome.OldRevoked ? [new ResultFact(Phrase.Of(nameof(Fact_Revoked)), Phrase.Verbatim(old))] : Array.Empty<ResultFact>(),
                ]),
            RotationStatus.AlreadyRunning => new ReauthorizationResult(false, Phrase.Of(nameof(Reauthorization_RotationRunning)), []),
            RotationStatus.NoTenantKey => new ReauthorizationResult(false, Phrase.Of(nameof(Reauthorization_NoKey)), []),
            _ => new ReauthorizationResult(
                false,
                Phrase.Of(nameof(Reauthorization_StageFailed), CertificateViews.StageOf(outcome.Stage), outcome.Error?.Explanation ?? Phrase.Of(nameof(Reauthorization_Refused))),
                [],
                outcome.Error?.Said),
        };
    }
}
