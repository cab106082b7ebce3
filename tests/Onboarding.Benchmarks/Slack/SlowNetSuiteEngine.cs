using Onboarding.Engine.Conversations;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Benchmarks.Slack;

/// <summary>
/// The host's own command handler behind one NetSuite round trip per command through the engine's real SuiteQL client,
/// so every command keeps a worker busy for as long as NetSuite takes (the sandbox's latency fault sets that).
/// </summary>
public sealed class SlowNetSuiteEngine(IChatCommandHandler engine, ISuiteQlClient suiteQl) : IChatCommandHandler
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    public async Task HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        // The answer (401, no valid token) does not matter; the time NetSuite takes to give it does.
        await suiteQl.QueryAsync(Account, new BearerToken("benchmark"), "SELECT id FROM subsidiary", null, cancellationToken, limit: 1);
        await engine.HandleAsync(command, cancellationToken);
    }
}
