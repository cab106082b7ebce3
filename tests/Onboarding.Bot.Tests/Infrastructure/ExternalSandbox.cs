namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>Settings that point the bot at a NetSuite sandbox running outside it (so the sandbox outlives the bot).</summary>
public static class ExternalSandbox
{
    public static Dictionary<string, string?> Settings(Uri sandboxBaseAddress)
    {
        var root = sandboxBaseAddress.AbsoluteUri.TrimEnd('/');
        return new Dictionary<string, string?>
        {
            ["NetSuite:Mode"] = "NetSuite",
            ["NetSuite:ClientId"] = "demo-onboarding-client",
            ["NetSuite:AppBaseUrl"] = root + "/{account}",
            ["NetSuite:SuiteTalkBaseUrl"] = root + "/{account}",
            ["NetSuite:RestletsBaseUrl"] = root + "/{account}",
            ["NetSuite:SystemBaseUrl"] = root + "/system",
        };
    }
}
