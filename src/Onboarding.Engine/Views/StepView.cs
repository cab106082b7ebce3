namespace Onboarding.Engine.Views;

/// <summary>
/// A channel-neutral card: what the engine wants a person to see. The Teams renderer turns it into an
/// Adaptive Card and the Slack renderer into Block Kit, so every view exists in both channels by construction.
/// </summary>
/// <param name="Title">The heading, e.g. "Connect NetSuite 1234567_SB1".</param>
/// <param name="Summary">Plain text for notifications and screen readers; also the message text fallback.</param>
/// <param name="Tone">Colours the card: neutral, good, warning or attention.</param>
public sealed record StepView(string Title, string Summary, Tone Tone = Tone.Neutral)
{
    /// <summary>Small line under the title: who started it, when ("Started by Sam · authorized by Pat").</summary>
    public string? Subtitle { get; init; }

    /// <summary>Every step with its state; the current one is usually expanded in <see cref="Body"/>.</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];

    /// <summary>The expanded current step: a heading such as "Step 1 of 4 — give the app admin access for one hour".</summary>
    public string? Heading { get; init; }

    /// <summary>Paragraphs of plain text (no markup; renderers escape it).</summary>
    public IReadOnlyList<string> Body { get; init; } = [];

    /// <summary>Name/value pairs (role, certificate id, expiry).</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>A small table (status of tenants).</summary>
    public ViewTable? Table { get; init; }

    /// <summary>At most three buttons, the main action first.</summary>
    public IReadOnlyList<ViewAction> Actions { get; init; } = [];

    /// <summary>Small print: link lifetime, NetSuite's raw error code.</summary>
    public string? Footnote { get; init; }

    /// <summary>
    /// The language the view's text is in ("en", "de", "fr"), set where the view meets its conversation
    /// (<see cref="Conversations.ChatViews"/>): renderers say their own few words in it and tell the client.
    /// </summary>
    public string Language { get; init; } = "en";
}
