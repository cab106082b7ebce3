namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>NetSuite's host form of an account id: lowercase with <c>_</c> → <c>-</c> (123456_SB1 → 123456-sb1).</summary>
internal static class HostLabel
{
    public static string For(string accountId) => accountId.Replace('_', '-').ToLowerInvariant();
}
