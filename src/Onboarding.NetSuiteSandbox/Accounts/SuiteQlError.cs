namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>A SuiteQL query the account cannot run; <see cref="Exception.Message"/> is the search error as NetSuite words it.</summary>
internal sealed class SuiteQlError : Exception
{
    public SuiteQlError(string message)
        : base(message)
    {
    }

    public SuiteQlError(string message, Exception inner)
        : base(message, inner)
    {
    }
}
