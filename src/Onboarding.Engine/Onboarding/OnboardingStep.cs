namespace Onboarding.Engine.Onboarding;

/// <summary>Where an onboarding stands in the four-step flow. Failure and cancellation are statuses, not steps.</summary>
public enum OnboardingStep
{
    Started,
    AwaitingAuthorization,
    Authorized,
    AwaitingBundle,
    BundleVerified,
    EstablishingMachineAccess,
    MachineAccessVerified,
    PostInstall,
    Completed,
}
