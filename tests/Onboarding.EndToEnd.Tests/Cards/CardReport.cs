namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>What the official renderer said about one card file.</summary>
public sealed record CardReport(string File, string? DeclaredVersion, string? ParsedVersion, IReadOnlyList<string> Messages);
