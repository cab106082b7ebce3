using System.Diagnostics;

namespace Onboarding.Engine.Diagnostics;

/// <summary>
/// The engine's trace sources, one per area, in plain <see cref="System.Diagnostics"/> so the engine depends on no
/// telemetry SDK; the host subscribes to <see cref="SourceNames"/> (docs/operations.md lists what each emits).
/// Tags carry ids and outcomes only: never a token, key, code, URL query or a person's or company's name.
/// </summary>
public static class EngineActivities
{
    public const string ConversationsName = "Onboarding.Conversations";
    public const string FlowName = "Onboarding.Flow";
    public const string PostInstallName = "Onboarding.PostInstall";
    public const string NetSuiteName = "Onboarding.NetSuite";
    public const string HealthName = "Onboarding.Health";

    /// <summary>One span per chat command (a conversation turn).</summary>
    public static ActivitySource Conversations { get; } = new(ConversationsName);

    /// <summary>One span per onboarding step run.</summary>
    public static ActivitySource Flow { get; } = new(FlowName);

    /// <summary>One span per post-install routine.</summary>
    public static ActivitySource PostInstall { get; } = new(PostInstallName);

    /// <summary>One span per NetSuite call (token requests included); the HTTP client span is its child.</summary>
    public static ActivitySource NetSuite { get; } = new(NetSuiteName);

    /// <summary>One span per health cycle and per tenant check.</summary>
    public static ActivitySource Health { get; } = new(HealthName);

    public static IReadOnlyList<string> SourceNames { get; } = [ConversationsName, FlowName, PostInstallName, NetSuiteName, HealthName];
}

/// <summary>Attribute names used on the engine's spans and instruments, so each is spelt once.</summary>
public static class EngineTags
{
    public const string Account = "netsuite.account";
    public const string Operation = "netsuite.operation";
    public const string Session = "onboarding.session";
    public const string Step = "onboarding.step";
    public const string Status = "onboarding.status";
    public const string Cause = "onboarding.cause";
    public const string Routine = "onboarding.routine";
    public const string Outcome = "outcome";
    public const string Verb = "chat.verb";
    public const string Channel = "chat.channel";
    public const string CheckKind = "health.check.kind";
}
