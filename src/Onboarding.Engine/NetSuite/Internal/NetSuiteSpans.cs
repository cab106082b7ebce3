using System.Diagnostics;
using Onboarding.Engine.Diagnostics;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>The span of one NetSuite call: operation and account, and on failure the error kind and code — never a token or URL query.</summary>
internal static class NetSuiteSpans
{
    public static Activity? Start(string operation, AccountId account)
    {
        // Every check makes this call: its name is not even formatted while nobody listens.
        var span = EngineActivities.NetSuite.HasListeners() ? EngineActivities.NetSuite.StartActivity($"netsuite {operation}", ActivityKind.Client) : null;
        span?.SetTag(EngineTags.Operation, operation);
        span?.SetTag(EngineTags.Account, account.Value);
        return span;
    }

    public static void Failed(Activity? span, NetSuiteError error)
    {
        span?.SetStatus(ActivityStatusCode.Error, error.Kind.ToString());
        span?.SetTag(EngineTags.Outcome, error.Kind.ToString());
        span?.SetTag("netsuite.error.code", error.Code);
    }
}
