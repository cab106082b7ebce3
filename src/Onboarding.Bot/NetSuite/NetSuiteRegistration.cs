using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.Sandbox;
using Onboarding.Engine.NetSuite;

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
        nameof(NetSuiteOptions.AppBaseUrl),
        nameof(NetSuiteOptions.SuiteTalkBaseUrl),
        nameof(NetSuiteOptions.RestletsBaseUrl),
        nameof(NetSuiteOptions.SystemBaseUrl),
    ];

    public static IHostApplicationBuilder AddNetSuite(this IHostApplicationBuilder builder)
    {
        var mode = ModeOf(builder.Configuration);
        builder.Services.AddNetSuiteClients(builder.Configuration);

        // One setting for the host's address: the redirect URI follows it unless NetSuite:RedirectUri is set on purpose.
        var redirectConfigured = !string.IsNullOrWhiteSpace(builder.Configuration[$"{NetSuiteOptions.SectionName}:{nameof(NetSuiteOptions.RedirectUri)}"]);
        if (!redirectConfigured)
        {
            builder.Services.AddSingleton<IPostConfigureOptions<NetSuiteOptions>>(services => new PostConfigureOptions<NetSuiteOptions, IOptions<BotOptions>>(
                Options.DefaultName,
                services.GetRequiredService<IOptions<BotOptions>>(),
                (netSuite, bot) => netSuite.RedirectUri = bot.Value.OAuthRedirectUri.AbsoluteUri));
        }

        if (mode == NetSuiteMode.Sandbox)
        {
            builder.AddEmbeddedSandbox();
        }

        return builder;
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
