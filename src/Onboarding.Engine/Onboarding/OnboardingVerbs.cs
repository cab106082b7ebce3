using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Onboarding;

/// <summary>The verbs the engine understands, typed or sent by card buttons, and the card data keys — in one place.</summary>
public static class OnboardingVerbs
{
    public const string Onboard = ChatVerbs.Onboard;
    public const string Status = ChatVerbs.Status;
    public const string Cancel = ChatVerbs.Cancel;
    public const string Offboard = ChatVerbs.Offboard;
    public const string Rotate = ChatVerbs.Rotate;
    public const string Alerts = ChatVerbs.Alerts;
    public const string Help = ChatVerbs.Help;
    public const string Welcome = ChatVerbs.Welcome;

    public const string BundleCheck = "onboarding.bundle-check";
    public const string Retry = "onboarding.retry";
    public const string CancelSession = "onboarding.cancel";
    public const string ReplaceCertificate = "onboarding.replace-certificate";
    public const string SignInAgain = "onboarding.sign-in-again";

    /// <summary>An alert's Connect again: a new onboarding of a connected account (after a sandbox refresh), keeping the tenant.</summary>
    public const string Reconnect = "onboarding.reconnect";
    public const string OffboardConfirmed = "onboarding.offboard-confirmed";
    public const string OffboardKept = "onboarding.offboard-keep";

    /// <summary>After an offboarding NetSuite refused to revoke for the app's role: a one-hour admin re-authorization revokes it.</summary>
    public const string RevokeWithAdmin = "onboarding.revoke-with-admin";

    /// <summary>Card data key for the session id.</summary>
    public const string SessionKey = "session";

    /// <summary>Card data key for an account id.</summary>
    public const string AccountKey = "account";

    /// <summary>Card data key for certificate ids, separated by spaces.</summary>
    public const string CertificatesKey = "certificates";

    /// <summary>Card data key for the alerts mode (<c>here</c> or <c>off</c>).</summary>
    public const string ModeKey = "mode";
}
