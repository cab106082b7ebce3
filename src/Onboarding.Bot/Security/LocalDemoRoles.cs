using Microsoft.Extensions.Options;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.Teams;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Commands;

namespace Onboarding.Bot.Security;

/// <summary>
/// The cold local demo (docs/security.md): with the Development environment, the embedded NetSuite sandbox and no
/// <c>MicrosoftAppId</c> — nothing is real and nobody is authenticated anyway — whoever chats through <c>/api/messages</c>
/// holds Operations and Success, so every command can be tried. In any other combination it grants nothing; Slack users,
/// whose requests are signed, never get anything from it. Announced loudly at start-up.
/// </summary>
internal sealed class LocalDemoRoles : IStaffRoleSource
{
    private readonly Lazy<bool> _active;
    private readonly IOptions<BotOptions> _bot;

    public LocalDemoRoles(IHostEnvironment environment, IConfiguration configuration, IOptions<MicrosoftAppOptions> app, IOptions<BotOptions> bot)
    {
        _bot = bot;

        // Decided on first use, from the final configuration (a test host's settings arrive after Program.cs's registrations).
        _active = new Lazy<bool>(() =>
            bot.Value.LocalDemoRoles
            && environment.IsDevelopment()
            && app.Value.IsAnonymous
            && NetSuiteRegistration.ModeOf(configuration) == NetSuiteMode.Sandbox);
    }

    /// <summary>True when the demo grant applies to this process.</summary>
    public bool IsActive => _active.Value;

    public StaffRoles RolesOf(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return IsActive && _bot.Value.ServedChannels.Contains(command.Conversation.Channel, StringComparer.OrdinalIgnoreCase)
            ? StaffRoles.Operations | StaffRoles.Success
            : StaffRoles.None;
    }
}
