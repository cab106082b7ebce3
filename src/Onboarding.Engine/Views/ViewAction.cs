namespace Onboarding.Engine.Views;

/// <summary>A button on a card.</summary>
public abstract record ViewAction(string Label);

/// <summary>A button that opens a web page (authorize link, bundle install page).</summary>
public sealed record OpenUrlAction(string Label, Uri Url) : ViewAction(Label);

/// <summary>A button that sends a command back to the engine: a verb plus data, e.g. verb <c>bundle.check</c>, data <c>session=…</c>.</summary>
public sealed record SubmitAction(string Label, string Verb, IReadOnlyDictionary<string, string> Data, ActionStyle Style = ActionStyle.Default)
    : ViewAction(Label);

/// <summary>Emphasis of a submit button: the main action, or a destructive one that deserves a second look.</summary>
public enum ActionStyle
{
    Default,
    Primary,
    Destructive,
}
