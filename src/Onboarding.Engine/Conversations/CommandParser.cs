namespace Onboarding.Engine.Conversations;

/// <summary>Splits typed chat text into a lower-case verb and the trimmed rest (<c>verb [argument]</c>).</summary>
public static class CommandParser
{
    /// <summary>The verb of an empty message: nothing was asked, so help is the answer.</summary>
    public const string EmptyVerb = "help";

    /// <summary>Parses <paramref name="text"/>; returns <see cref="EmptyVerb"/> with no argument for blank input.</summary>
    public static (string Verb, string? Argument) Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (EmptyVerb, null);
        }

        var split = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        if (split < 0)
        {
            return (trimmed.ToLowerInvariant(), null);
        }

        var argument = trimmed[(split + 1)..].Trim();
        return (trimmed[..split].ToLowerInvariant(), argument.Length == 0 ? null : argument);
    }
}
