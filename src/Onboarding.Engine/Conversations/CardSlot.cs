namespace Onboarding.Engine.Conversations;

/// <summary>Names a message that is updated in place, such as one onboarding's living card or one incident's alert.</summary>
public readonly record struct CardSlot(string Value)
{
    public static CardSlot ForOnboarding(string sessionId) => new($"onboarding/{sessionId}");

    public static CardSlot ForAlert(string incidentId) => new($"alert/{incidentId}");

    public override string ToString() => Value;
}
