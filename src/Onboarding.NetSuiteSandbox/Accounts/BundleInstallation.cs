namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>When and by whom a bundle was installed.</summary>
internal sealed record BundleInstallation(DateTimeOffset DateInstalled, int InstalledById, string InstalledByName);
