using Onboarding.Engine.Views;

namespace Onboarding.Tests.Shared;

/// <summary>
/// Text an attacker controls — a NetSuite error description, a company or display name, a typed command — that must reach
/// every channel as plain text: no links, no mentions, no formatting, no hidden or reordered characters, no broken layout.
/// Compiled into the test projects that check a renderer.
/// </summary>
internal static class HostileText
{
    public const string MarkdownLink = "[Click here to finish setup](https://evil.example/setup)";

    /// <summary>Each case: a name for the test output, and the text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Cases { get; } =
    [
        ("markdown link", MarkdownLink),
        ("markdown image", "![logo](https://evil.example/pixel.png)"),
        ("slack link", "<https://evil.example|click>"),
        ("slack broadcast", "<!channel> <!here> <!everyone>"),
        ("slack mentions", "<@U0123ABCD> <#C0123ABCD> <!subteam^S0123>"),
        ("emphasis", "*bold* _italic_ ~strike~ **strong** __under__"),
        ("code", "`code` ```block```"),
        ("html", "<b>bold</b><script>alert(1)</script><img src=x onerror=alert(1)><a href=\"https://evil.example\">x</a>"),
        ("entities", "Tom & Jerry &amp; &lt;b&gt; &#60;"),
        ("angle words", "rotate <account> offboard <account>"),
        ("bare url", "https://evil.example/login?next=/"),
        ("block markdown", "# Heading\n- item\n1. first\n> quote\n---"),
        ("new lines", "line one\nline two\r\n✓ Admin access revoked\u2028next\u2029para\u0085nel"),
        ("zero width", "ro\u200Btate\u2060 acc\uFEFFount\u180E"),
        ("bidi override", "invoice\u202Egpj.exe and \u2067isolated\u2069 \u202Aembedded\u202C"),
        ("tag characters", "hi\U000E0041\U000E0042\U000E007F"),
        ("control characters", "bell\u0007 escape\u001B[31m delete\u007F"),
        ("card text functions", "{{DATE(2017-02-14T06:08:39Z, SHORT)}} {{{TIME(2017-02-14T06:08:39Z)}}}"),
        ("very long unbroken", new string('W', 400)),
        ("emoji sequence and scripts", "👩‍💻 Pat · שלום · مرحبا · नमस्ते"),
    ];

    /// <summary>Characters that must never survive cleaning: controls, line breaks, and invisible format characters other than ZWJ/ZWNJ.</summary>
    public static bool IsForbidden(System.Text.Rune rune)
    {
        var category = System.Text.Rune.GetUnicodeCategory(rune);
        return category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            || (category == System.Globalization.UnicodeCategory.Format && rune.Value is not (0x200C or 0x200D));
    }

    /// <summary>
    /// A view with <paramref name="text"/> in every place a view carries text — title, subtitle, a step and a sub-step with
    /// its detail, heading, body, a fact, a table row, two buttons, small print: twelve texts, two button labels.
    /// </summary>
    public static StepView Everywhere(string text) => new(text, text, Tone.Attention)
    {
        Subtitle = text,
        Checklist = [new ChecklistItem(text, ChecklistState.Done, text), new ChecklistItem(text, ChecklistState.Running) { Level = 1 }],
        Heading = text,
        Body = [text],
        Facts = [new Fact(text, text)],
        Table = new ViewTable(["Command", "What it does"], [[text, text]]),
        Actions = [new SubmitAction(text, "help", new Dictionary<string, string> { ["session"] = "s-1" }, ActionStyle.Destructive), new OpenUrlAction(text, new Uri("https://example.test/ok"))],
        Footnote = text,
    };
}
