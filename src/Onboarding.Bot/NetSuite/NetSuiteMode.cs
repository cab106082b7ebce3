namespace Onboarding.Bot.NetSuite;

/// <summary>Which NetSuite the engine talks to (<c>NetSuite:Mode</c>).</summary>
public enum NetSuiteMode
{
    /// <summary>The sandbox unless the configuration names a real integration (a client id or a URL template).</summary>
    Auto,

    /// <summary>The NetSuite simulator started in-process on 127.0.0.1, with its demo account.</summary>
    Sandbox,

    /// <summary>The URL templates and client id in the <c>NetSuite</c> section (real NetSuite, or a sandbox run separately).</summary>
    NetSuite,
}
