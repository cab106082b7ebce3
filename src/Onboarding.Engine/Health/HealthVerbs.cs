namespace Onboarding.Engine.Health;

/// <summary>Card button verbs of health views; each carries the account in its data under <see cref="AccountKey"/>.</summary>
public static class HealthVerbs
{
    /// <summary>Runs the tenant's checks now.</summary>
    public const string Recheck = "health.recheck";

    /// <summary>Silences the incident's reminders for <see cref="HealthOptions.MuteDuration"/>.</summary>
    public const string Mute = "health.mute";

    /// <summary>Confirms a rotation asked for with <c>rotate &lt;account&gt;</c> or an alert's Rotate button.</summary>
    public const string RotateConfirmed = "rotate.confirm";

    /// <summary>Keep on the rotation question: nothing changes.</summary>
    public const string RotateKept = "rotate.keep";

    /// <summary>
    /// Asks a NetSuite admin for a short re-authorization whose token uploads the new certificate when the app's role cannot.
    /// Handled by the onboarding flow, which then calls <see cref="CertificateRotation.RotateAsync"/> with the delegated token.
    /// </summary>
    public const string Reauthorize = "health.reauthorize";

    /// <summary>The data key of the account a button is about.</summary>
    public const string AccountKey = "account";
}
