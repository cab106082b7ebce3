namespace Onboarding.Engine.Views;

/// <summary>One line of a card's checklist: a step or sub-step, its state, and its key fact once done.</summary>
public sealed record ChecklistItem(string Label, ChecklistState State, string? Detail = null)
{
    /// <summary>0 for a step, 1 for a part of the step above it (renderers indent it and draw it smaller).</summary>
    public int Level { get; init; }
}

/// <summary>The state of a checklist line (✓ done, ⏳ running, ○ pending, ✗ failed, ⏭ skipped).</summary>
public enum ChecklistState
{
    Pending,
    Running,
    Done,
    Failed,
    Skipped,
}
