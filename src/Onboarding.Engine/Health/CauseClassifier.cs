using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Health;

/// <summary>Turns a NetSuite failure seen during a check into the cause an alert explains.</summary>
public static class CauseClassifier
{
    /// <param name="error">What NetSuite (or the network) said.</param>
    /// <param name="stage">Which call of the check failed.</param>
    /// <param name="certificateValidUntil">The active certificate's expiry, to tell an expired certificate from a revoked one.</param>
    /// <param name="now">The time of the check.</param>
    /// <param name="liveTokenRefused">
    /// True when a token that had not expired was refused just before the mint failed. A revoked certificate leaves tokens
    /// already minted working until they expire; a role that disappears (uninstalling the bundle removes it) kills them at
    /// once, and so does a sandbox refresh, which also forgets the certificate (docs/netsuite.md, C9).
    /// </param>
    /// <param name="sandboxAccount">True for a sandbox account, the only kind a refresh can wipe.</param>
    public static FailureCause Classify(NetSuiteError error, CheckStage stage, DateTimeOffset? certificateValidUntil, DateTimeOffset now, bool liveTokenRefused = false, bool sandboxAccount = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (error.Kind, stage) switch
        {
            (NetSuiteErrorKind.RateLimited, _) => FailureCause.RateLimited,
            (NetSuiteErrorKind.Unavailable or NetSuiteErrorKind.MalformedResponse, _) => FailureCause.NetSuiteUnavailable,
            (NetSuiteErrorKind.Network, _) => FailureCause.Network,
            (NetSuiteErrorKind.CertificateRejected or NetSuiteErrorKind.InvalidGrant, CheckStage.Mint) when certificateValidUntil <= now => FailureCause.CertificateExpired,
            (NetSuiteErrorKind.CertificateRejected or NetSuiteErrorKind.InvalidGrant, CheckStage.Mint) when liveTokenRefused && sandboxAccount => FailureCause.SandboxRefreshed,
            (NetSuiteErrorKind.CertificateRejected or NetSuiteErrorKind.InvalidGrant, CheckStage.Mint) when liveTokenRefused => FailureCause.BundleUninstalled,
            (NetSuiteErrorKind.CertificateRejected or NetSuiteErrorKind.InvalidGrant, CheckStage.Mint) => FailureCause.CertificateRevoked,
            (NetSuiteErrorKind.AccessDenied or NetSuiteErrorKind.InvalidScope, _) => FailureCause.PermissionLost,
            (NetSuiteErrorKind.PermissionMissing or NetSuiteErrorKind.InvalidLogin, _) => FailureCause.PermissionLost,
            (NetSuiteErrorKind.ScriptNotDeployed, _) => FailureCause.BundleUninstalled,
            (NetSuiteErrorKind.NotFound, CheckStage.Bundle) => FailureCause.BundleUninstalled,

            // SuiteQL answers 400 "record not found" for a table the role may not see.
            (NetSuiteErrorKind.InvalidRequest, CheckStage.Probe) => FailureCause.PermissionLost,
            _ => FailureCause.Unknown,
        };
    }

    /// <summary>
    /// The cause to keep when a failure follows another in the same run. Once a live token was seen refused (the role
    /// vanished, or the sandbox was refreshed), later refusals at the token endpoint (which cannot tell either from a revoked
    /// certificate) do not blur it.
    /// </summary>
    public static FailureCause Sharpen(FailureCause? previous, FailureCause next) =>
        (previous is FailureCause.BundleUninstalled or FailureCause.SandboxRefreshed) && next == FailureCause.CertificateRevoked ? previous.Value : next;
}
