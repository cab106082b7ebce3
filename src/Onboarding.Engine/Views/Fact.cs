namespace Onboarding.Engine.Views;

/// <summary>A name/value pair shown on a card.</summary>
public sealed record Fact(string Name, string Value);
