using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Bot.Sandbox;

/// <summary>Points every NetSuite URL template at the embedded sandbox's layout: <c>{base}/{account}</c> and <c>{base}/system</c>.</summary>
internal sealed class SandboxEndpointTemplates(EmbeddedSandbox sandbox) : IPostConfigureOptions<NetSuiteOptions>
{
    private const string AccountPlaceholder = "{account}";

    public void PostConfigure(string? name, NetSuiteOptions options)
    {
        var root = sandbox.BaseAddress.AbsoluteUri.TrimEnd('/');
        options.AppBaseUrl = $"{root}/{AccountPlaceholder}";
        options.SuiteTalkBaseUrl = $"{root}/{AccountPlaceholder}";
        options.RestletsBaseUrl = $"{root}/{AccountPlaceholder}";
        options.SystemBaseUrl = $"{root}/system";
    }
}
