using System.Text.Json.Nodes;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// One host with <c>Onboarding:Roles</c> set and web chat served as well: Olga holds Operations and Sam holds Success in
/// Teams tenant-1; Pat holds nothing. Eve sends from another tenant with Olga's object id, and Wendy from web chat with
/// Olga's ids — the same user id means nothing outside the platform and workspace that issued it.
/// </summary>
public sealed class StaffRoleHost : IAsyncLifetime
{
    private int _conversations;

    public BotTestBed Bed { get; private set; } = null!;

    public async Task InitializeAsync() => Bed = await BotTestBed.StartAsync(new Dictionary<string, string?>
    {
        ["Onboarding:Roles:Operations:0"] = TeamsActivities.RoleEntryOf(StaffRoleTests.UserIdOf(StaffRoleTests.Olga)),
        ["Onboarding:Roles:Success:0"] = TeamsActivities.RoleEntryOf(StaffRoleTests.UserIdOf(StaffRoleTests.Sam)),
        ["Bot:OtherChannels:0"] = "webchat",
        ["Health:Enabled"] = "false",
    });

    /// <summary>A conversation of its own for a row, in the tenant and channel the row's sender uses.</summary>
    public TeamsActivities NewConversation(string sender, bool shared = false) => Bed.Conversation(
        $"a:roles-{Interlocked.Increment(ref _conversations)}",
        shared,
        tenantId: sender == StaffRoleTests.Eve ? "tenant-2" : TeamsActivities.TenantId,
        channelId: sender == StaffRoleTests.Wendy ? "webchat" : "msteams");

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}

/// <summary>Each role against each staff-sensitive command and button, through the real host: the gate lets exactly the right people through.</summary>
public sealed class StaffRoleTests(StaffRoleHost host) : IClassFixture<StaffRoleHost>
{
    public const string Pat = "pat";
    public const string Sam = "sam";
    public const string Olga = "olga";
    public const string Eve = "eve";
    public const string Wendy = "wendy";

    private const string StaffOnly = "That command is for the vendor's staff";

    /// <summary>The Teams user id a sender's activities carry.</summary>
    public static string UserIdOf(string sender) => UserIds[sender];

    private static readonly Dictionary<string, string> UserIds = new()
    {
        [Pat] = "29:user-pat",
        [Sam] = "29:user-sam",
        [Olga] = "29:user-olga",
        [Eve] = "29:user-olga",
        [Wendy] = "29:user-olga",
    };

    public static TheoryData<string, string, string> TypedCommands => new()
    {
        { Pat, "status", "Onboardings in this conversation" },
        { Sam, "status", "Status of every tenant" },
        { Olga, "status", "Status of every tenant" },
        { Eve, "status", "Onboardings in this conversation" },
        { Wendy, "status", "Onboardings in this conversation" },
        { Pat, "alerts here", StaffOnly },
        { Sam, "alerts here", StaffOnly },
        { Olga, "alerts here", "Connection alerts on for this conversation" },
        { Eve, "alerts here", StaffOnly },
        { Wendy, "alerts here", StaffOnly },
        { Pat, "alerts off", StaffOnly },
        { Sam, "alerts off", StaffOnly },
        { Olga, "alerts off", "Alerts weren't on here" },
        { Pat, "rotate 1234567_SB1", StaffOnly },
        { Sam, "rotate 1234567_SB1", StaffOnly },
        { Olga, "rotate 1234567_SB1", "1234567_SB1 is not connected" },
        { Eve, "rotate 1234567_SB1", StaffOnly },
        { Wendy, "rotate 1234567_SB1", StaffOnly },
        { Pat, "offboard 1234567_SB1", StaffOnly },
        { Sam, "offboard 1234567_SB1", StaffOnly },
        { Olga, "offboard 1234567_SB1", "1234567_SB1 is not connected" },
        { Eve, "offboard 1234567_SB1", StaffOnly },
        { Wendy, "offboard 1234567_SB1", StaffOnly },
    };

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public async Task Typed_command_is_answered_according_to_the_senders_role(string sender, string text, string expected)
    {
        var chat = host.NewConversation(sender);

        await host.Bed.SendAsync(chat.Message(text, UserIds[sender]));

        var reply = (await host.Bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId)).Single();
        Assert.True(reply.Shows(expected), $"{sender} '{text}': {string.Join(" | ", reply.CardTexts)}");
    }

    public static TheoryData<string, bool> CancelAnywhere => new()
    {
        { Pat, false },
        { Sam, false },
        { Olga, true },
        { Eve, false },
        { Wendy, false },
    };

    [Theory]
    [MemberData(nameof(CancelAnywhere))]
    public async Task Only_operations_cancel_an_onboarding_open_in_another_conversation(string sender, bool cancels)
    {
        var account = NewAccount();
        var elsewhere = host.NewConversation(Pat);
        await host.Bed.SendAsync(elsewhere.Message($"onboard {account}", "29:user-kim", "Kim"));
        var card = (await host.Bed.Connector.WaitForAsync(a => a.ConversationId == elsewhere.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        var chat = host.NewConversation(sender);

        await host.Bed.SendAsync(chat.Message($"cancel {account}", UserIds[sender]));

        var reply = (await host.Bed.Connector.WaitForAsync(a => a.ConversationId == chat.ConversationId)).Single();
        if (cancels)
        {
            Assert.True(reply.Shows($"Onboarding of {account} cancelled"), string.Join(" | ", reply.CardTexts));
            await host.Bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));
        }
        else
        {
            Assert.True(reply.Shows("Nothing to cancel"), string.Join(" | ", reply.CardTexts));
            Assert.DoesNotContain(host.Bed.Connector.Activities, a => a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));
        }
    }

    public static TheoryData<string, bool> CancelButtonInSharedChannel => new()
    {
        { Pat, false },
        { Sam, true },
        { Olga, true },
    };

    [Theory]
    [MemberData(nameof(CancelButtonInSharedChannel))]
    public async Task In_a_shared_channel_only_the_starter_and_staff_may_press_cancel(string sender, bool cancels)
    {
        var channel = host.NewConversation(Pat, shared: true);
        await host.Bed.SendAsync(channel.MentionMessage($"onboard {NewAccount()}", "29:user-kim", "Kim"));
        var card = (await host.Bed.Connector.WaitForAsync(a => a.ConversationId == channel.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();

        await host.Bed.SendAsync(channel.Submit(card.SubmitData("Cancel"), card.AssignedId, UserIds[sender]));

        if (cancels)
        {
            await host.Bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));
        }
        else
        {
            await host.Bed.Connector.WaitForAsync(a => a.ConversationId == channel.ConversationId && !a.IsUpdate && a.Shows("Only whoever started this onboarding can do that"));
            Assert.DoesNotContain(host.Bed.Connector.Activities, a => a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));
        }
    }

    [Fact]
    public async Task A_cancel_button_carried_to_another_conversation_works_only_for_operations()
    {
        var account = NewAccount();
        var elsewhere = host.NewConversation(Pat);
        await host.Bed.SendAsync(elsewhere.Message($"onboard {account}", "29:user-kim", "Kim"));
        var card = (await host.Bed.Connector.WaitForAsync(a => a.ConversationId == elsewhere.ConversationId && a.HasButton("Authorize in NetSuite"))).Single();
        var success = host.NewConversation(Sam);
        var operations = host.NewConversation(Olga);

        await host.Bed.SendAsync(success.Submit(card.SubmitData("Cancel"), userId: UserIds[Sam]));
        await host.Bed.Connector.WaitForAsync(a => a.ConversationId == success.ConversationId && a.Shows("That button belongs to another conversation"));
        await host.Bed.SendAsync(operations.Submit(card.SubmitData("Cancel"), userId: UserIds[Olga]));

        await host.Bed.Connector.WaitForAsync(a => a.ConversationId == operations.ConversationId && a.Shows($"Onboarding of {account} cancelled"));
        await host.Bed.Connector.WaitForAsync(a => a.IsUpdate && a.ActivityId == card.AssignedId && a.Shows("Onboarding cancelled"));
    }

    // Each row onboards an account of its own (never signed in to: the card needs no NetSuite account to exist).
    private static string NewAccount() => $"{Random.Shared.Next(1_000_000, 9_999_999)}_SB{Random.Shared.Next(1, 9)}";
}
