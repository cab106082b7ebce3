using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Onboarding.Bot.Chat;
using Onboarding.Bot.Health;
using Onboarding.Bot.Hosting;
using Onboarding.Bot.NetSuite;
using Onboarding.Bot.OAuth;
using Onboarding.Bot.Operations;
using Onboarding.Bot.Security;
using Onboarding.Bot.Slack;
using Onboarding.Bot.Teams;
using Onboarding.Bot.Telemetry;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Conversations;

namespace Onboarding.Bot.Tests.Hosting;

/// <summary>
/// Program.cs's modules registered in other orders give the same host: the same services and the same chat commands.
/// </summary>
/// <remarks>
/// Twelve modules have 12! orders, too many to build. What an order can change is, for a service several modules register,
/// which registration comes first (TryAdd keeps it) or last (a plain Add wins). So the test builds the orders that put
/// each module first and each module last (plus Program.cs's own, its reverse and a hundred shuffles): between them, every module is first
/// and last among any set of modules sharing a service, which is every outcome any of the 12! orders can produce.
/// </remarks>
public sealed partial class ModuleOrderTests
{
    private static readonly (string Name, Action<IHostApplicationBuilder> Add)[] Modules =
    [
        (nameof(BotOptionsRegistration.AddBotOptions), b => b.AddBotOptions()),
        (nameof(SecurityRegistration.AddEdgeSecurity), b => b.AddEdgeSecurity()),
        (nameof(EngineStorageRegistration.AddEngineStorage), b => b.AddEngineStorage()),
        (nameof(NetSuiteRegistration.AddNetSuite), b => b.AddNetSuite()),
        (nameof(NetSuiteCallbackEndpoint.AddNetSuiteOAuth), b => b.AddNetSuiteOAuth()),
        (nameof(OnboardingRegistration.AddOnboarding), b => b.AddOnboarding()),
        (nameof(ChatRoutingRegistration.AddChatRouting), b => b.AddChatRouting()),
        (nameof(TeamsChannelRegistration.AddTeamsChannel), b => b.AddTeamsChannel()),
        (nameof(SlackChannelRegistration.AddSlackChannel), b => b.AddSlackChannel()),
        (nameof(HealthHostingRegistration.AddConnectionHealth), b => b.AddConnectionHealth()),
        (nameof(TelemetryRegistration.AddTelemetry), b => b.AddTelemetry()),
        (nameof(OperationsRegistration.AddOperations), b => b.AddOperations()),
    ];

    [Fact]
    public void The_modules_here_are_the_ones_Program_cs_registers()
    {
        var program = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Onboarding.Bot", "Program.cs"));

        Assert.Equal([.. AddCall().Matches(program).Select(m => m.Groups[1].Value)], Modules.Select(m => m.Name));
    }

    [Fact]
    public async Task Every_module_first_and_last_gives_the_same_services_and_commands()
    {
        List<int[]> orders = [[.. Enumerable.Range(0, Modules.Length)], [.. Enumerable.Range(0, Modules.Length).Reverse()]];
        for (var i = 0; i < Modules.Length; i++)
        {
            orders.Add([i, .. Enumerable.Range(0, Modules.Length).Where(j => j != i)]);
            orders.Add([.. Enumerable.Range(0, Modules.Length).Where(j => j != i), i]);
        }

        // And some shuffled orders besides (a fixed seed, so a failure repeats).
        var random = new Random(17);
        for (var n = 0; n < 100; n++)
        {
            var shuffled = Enumerable.Range(0, Modules.Length).ToArray();
            random.Shuffle(shuffled);
            orders.Add(shuffled);
        }

        using var directory = new TestDirectory();
        var expected = await BuildAsync(orders[0], directory.Path);
        Assert.Contains("audit", expected.Commands);
        Assert.Contains("rotate", expected.Commands);
        foreach (var order in orders.Skip(1))
        {
            var actual = await BuildAsync(order, directory.Path);
            var named = string.Join(", ", order.Select(i => Modules[i].Name));
            Assert.True(expected.Commands.SequenceEqual(actual.Commands), $"Commands differ in order {named}: {string.Join(" ", actual.Commands)}");
            Assert.True(expected.Services.SequenceEqual(actual.Services), $"Services differ in order {named}: {string.Join("; ", actual.Services.Except(expected.Services).Take(5))}");
            Assert.True(expected.Ambiguous.SequenceEqual(actual.Ambiguous), $"Other services have several implementations in order {named}");
        }

        // Our services with several implementations are the ones consumed as a list (the framework's are its own business):
        // for any other, which implementation a resolution got would depend on registration order.
        Assert.Equal(ConsumedAsLists, expected.Ambiguous);
    }

    private static readonly string[] ConsumedAsLists =
    [
        typeof(IChannelPublisher).FullName!,
        typeof(IChatCommandRoute).FullName!,
        typeof(Onboarding.Engine.Onboarding.AdminReauthorization.IReauthorizationPurpose).FullName!,
        typeof(Onboarding.Engine.Onboarding.PostInstall.IPostInstallRoutine).FullName!,
    ];

    private static async Task<(IReadOnlyList<string> Commands, IReadOnlyList<string> Services, IReadOnlyList<string> Ambiguous)> BuildAsync(int[] order, string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "onboarding.db"),
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
        });
        foreach (var index in order)
        {
            Modules[index].Add(builder);
        }

        var descriptors = builder.Services.Select(Describe).ToList();
        // Where a service has registrations with different implementations, which one a single resolution gets depends on order.
        var winners = builder.Services.GroupBy(d => (d.ServiceType, d.ServiceKey)).Where(g => g.Select(Describe).Distinct().Count() > 1)
            .Select(g => g.Key.ServiceType.IsGenericType ? g.Key.ServiceType.GetGenericTypeDefinition().FullName! : g.Key.ServiceType.FullName!)
            .Where(name => !name.StartsWith("Microsoft.", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        await using var app = builder.Build();
        var commands = app.Services.GetRequiredService<ChatRouteTable>().Verbs;
        SqliteConnection.ClearAllPools();
        return (commands, [.. descriptors.Order(StringComparer.Ordinal)], winners);
    }

    private static string Describe(ServiceDescriptor d)
    {
        var implementation = d.IsKeyedService
            ? d.KeyedImplementationType?.FullName ?? d.KeyedImplementationInstance?.GetType().FullName ?? Factory(d.KeyedImplementationFactory?.Method)
            : d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? Factory(d.ImplementationFactory?.Method);
        return $"{d.ServiceType.FullName}|{d.ServiceKey}|{d.Lifetime}|{implementation}";
    }

    private static string Factory(System.Reflection.MethodInfo? method) => $"factory {method?.DeclaringType?.FullName}.{method?.Name}";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Onboarding.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Onboarding.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"builder\.(Add\w+)\(\);")]
    private static partial Regex AddCall();
}
