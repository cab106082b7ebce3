using System.Diagnostics.CodeAnalysis;

namespace Onboarding.Engine.Onboarding;

/// <summary>An onboarding session's id: 32 lower-case hex digits, carried in card data as <c>session=…</c>.</summary>
public readonly record struct SessionId
{
    private SessionId(string value) => Value = value;

    public string Value { get; }

    public static SessionId New() => new(Guid.NewGuid().ToString("N"));

    public static SessionId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException("A session id is 32 hexadecimal digits.");

    public static bool TryParse([NotNullWhen(true)] string? text, out SessionId id)
    {
        id = default;
        if (text is not { Length: 32 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        id = new SessionId(text.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;
}
