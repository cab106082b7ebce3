namespace Onboarding.Engine.Views;

/// <summary>A small table: column headers and rows of plain-text cells, each row as long as the headers.</summary>
public sealed record ViewTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
