using Microsoft.Extensions.Options;
using Onboarding.Bot.NetSuite;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Bot.Sandbox;

/// <summary>In sandbox mode, points every NetSuite URL template at the embedded sandbox's layout: <c>{base}/{account}</c> and <c>{base}/system</c>.</summary>
internal sealed class SandboxEndpointTemplates(EmbeddedSandbox sandbox, IConfiguration configuration) : IPostConfigureOptions<NetSuiteOptions>
{
    private const string AccountPlaceholder = "{account}";

    public void PostConfigure(string? name, NetSuiteOptions options)
    {
        if (NetSuiteRegistration.ModeOf(configuration) != NetSuiteMode.Sandbox)
        {
            return;
        }

        var root = sandbox.BaseAddress.AbsoluteUri.TrimEnd('/');
        options.AppBaseUrl = $"{root}/{AccountPlaceholder}";
        options.SuiteTalkBaseUrl = $"{root}/{AccountPlaceholder}";
        options.RestletsBaseUrl = $"{root}/{AccountPlaceholder}";
        options.SystemBaseUrl = $"{root}/system";
    }
}
