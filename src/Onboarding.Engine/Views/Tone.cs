namespace Onboarding.Engine.Views;

/// <summary>How a view should feel: renderers map it to colours and emphasis.</summary>
public enum Tone
{
    Neutral,
    Good,
    Warning,
    Attention,
}
