using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Sandbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.NetSuite;

/// <summary>
/// The engine's NetSuite clients, with the redirect URI taken from <c>Bot:PublicBaseUrl</c> and, in sandbox mode,
/// every URL template pointed at the sandbox started in-process.
/// </summary>
public static class NetSuiteRegistration
{
    public const string ModeKey = NetSuiteOptions.SectionName + ":Mode";

    /// <summary>Keys that name a real integration; any of them set means <see cref="NetSuiteMode.Auto"/> is not the sandbox.</summary>
    private static readonly string[] IntegrationKeys =
    [
        nameof(NetSuiteOptions.ClientId),
        nameof(NetSuiteOptions.MachineClientId),
        nameof(NetSuiteOptions.AppBaseUrl),
        nameof(NetSuiteOptions.SuiteTalkBaseUrl),
        nameof(NetSuiteOptions.RestletsBaseUrl),
        nameof(NetSuiteOptions.SystemBaseUrl),
    ];

    /// <summary>
    /// Adds the clients, the embedded sandbox and the sweep that ends admin access at its deadline (the flow it sweeps is
    /// added by <c>AddOnboarding</c>). The mode is read when the options are first built, from the final configuration
    /// (settings added after Program.cs's registrations, such as a test host's, count too).
    /// </summary>
    public static IHostApplicationBuilder AddNetSuite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddNetSuiteClients(builder.Configuration);
        var configuration = builder.Configuration;
        builder.Services.PostConfigure<NetSuiteOptions>(netSuite => FollowPublicBaseUrl(netSuite, configuration));
        builder.AddEmbeddedSandbox();
        builder.Services.TryAddSingleton(services => new Lazy<AdminAccessSweep>(services.GetRequiredService<AdminAccessSweep>));
        builder.Services.AddHostedService<AdminAccessSweepService>();
        return builder;
    }

    // One setting for the host's address: the redirect URI follows Bot:PublicBaseUrl unless NetSuite:RedirectUri is set on
    // purpose. Read from configuration rather than IOptions<BotOptions>, so a bad Bot:PublicBaseUrl is reported once, by
    // its own validator.
    private static void FollowPublicBaseUrl(NetSuiteOptions netSuite, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{NetSuiteOptions.SectionName}:{nameof(NetSuiteOptions.RedirectUri)}"]))
        {
            return;
        }

        var publicBaseUrl = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>()?.PublicBaseUrl ?? new BotOptions().PublicBaseUrl;
        if (Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            netSuite.RedirectUri = new BotOptions { PublicBaseUrl = publicBaseUrl }.OAuthRedirectUri.AbsoluteUri;
        }
    }

    /// <summary>The effective mode: <see cref="NetSuiteMode.Auto"/> resolved to one of the other two.</summary>
    public static NetSuiteMode ModeOf(IConfiguration configuration)
    {
        var text = configuration[ModeKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            text = nameof(NetSuiteMode.Auto);
        }

        if (!Enum.TryParse<NetSuiteMode>(text.Trim(), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            throw new OptionsValidationException(ModeKey, typeof(NetSuiteMode),
                [$"{ModeKey} must be Auto, Sandbox or NetSuite; got '{text}'."]);
        }

        if (mode != NetSuiteMode.Auto)
        {
            return mode;
        }

        var section = configuration.GetSection(NetSuiteOptions.SectionName);
        return IntegrationKeys.Any(key => !string.IsNullOrWhiteSpace(section[key])) ? NetSuiteMode.NetSuite : NetSuiteMode.Sandbox;
    }
}
