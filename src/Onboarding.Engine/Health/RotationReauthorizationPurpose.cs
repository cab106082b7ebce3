using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding.AdminReauthorization;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Health;

/// <summary>Rotates a tenant's certificate with a re-authorization's admin token, when the app's role cannot manage certificates.</summary>
public sealed class RotationReauthorizationPurpose(CertificateRotation rotation) : IReauthorizationPurpose
{
    public ReauthorizationPurpose Purpose => ReauthorizationPurpose.RotateCertificate;

    public string Describe(Reauthorization reauthorization) => "to rotate its certificate";

    public async Task<ReauthorizationResult> RunAsync(Reauthorization reauthorization, BearerToken adminToken, CancellationToken cancellationToken)
    {
        var outcome = await rotation.RotateAsync(reauthorization.Account, adminToken, "re-authorization", cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            RotationStatus.Rotated => new ReauthorizationResult(
                true,
                outcome.OldRevoked ? "The new certificate is in use and the old one is revoked." : "The new certificate is in use; NetSuite did not revoke the old one yet (the next rotation tries again).",
                [
                    new Fact("New certificate", outcome.NewCertificateId!),
                    new Fact("Valid until", TimeWording.Date(outcome.ValidUntil!.Value)),
                    .. outcome.OldCertificateId is { } old && outcome.OldRevoked ? [new Fact("Revoked", old)] : Array.Empty<Fact>(),
                ]),
            RotationStatus.AlreadyRunning => new ReauthorizationResult(false, "Another rotation of this tenant was running; try again in a minute.", []),
            RotationStatus.NoTenantKey => new ReauthorizationResult(false, "The tenant has no certificate to rotate; onboard it again.", []),
            _ => new ReauthorizationResult(false, $"{CertificateViews.StageOf(outcome.Stage)} failed: {outcome.Error?.Explanation ?? "NetSuite refused."}", [], outcome.Error?.Said),
        };
    }
}
