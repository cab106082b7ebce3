using Microsoft.Extensions.Options;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>The sandbox's settings for the request being served.</summary>
internal static class SandboxSettings
{
    public static SandboxOptions Options(this HttpContext http) => http.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value;

    public static SandboxRules Rules(this HttpContext http) => http.Options().Rules;
}
