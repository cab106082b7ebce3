namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>What the official renderer said about one card file.</summary>
/// <param name="Links">Links the rendered card's content holds (a host reading Markdown made them); buttons are not counted.</param>
public sealed record CardReport(string File, string? DeclaredVersion, string? ParsedVersion, IReadOnlyList<string> Messages, int Links);
