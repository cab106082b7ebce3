using System.Text;
using Onboarding.Bot.Security;
using Onboarding.Bot.Text;
using Onboarding.Engine.Language;

namespace Onboarding.Bot.OAuth;

/// <summary>
/// The small page the admin's browser lands on after NetSuite: a clear outcome and what to do next, in the language of
/// the chat the sign-in was started from (else the browser's). Everything shown is HTML-encoded; it goes out with every
/// page's headers (<see cref="HtmlPage"/>: never cached — its address carried the authorization code — and loading
/// nothing from anywhere).
/// </summary>
internal static class CallbackPage
{
    public static IResult Render(Wording wording, bool succeeded, string title, string message, string nextStep)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var mark = succeeded ? "✓" : "!";
        var tone = succeeded ? "ok" : "problem";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(Encode(wording.Language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f5f5f7;color:#242424;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}")
            .Append("main{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:2rem 2.5rem;max-width:32rem;margin:1rem}")
            .Append(".mark{font-size:2rem;width:3rem;height:3rem;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff}")
            .Append(".ok .mark{background:#237b4b}.problem .mark{background:#c4314b}")
            .Append("h1{font-size:1.35rem;margin:1rem 0 .5rem;overflow-wrap:anywhere}p{line-height:1.5;margin:.5rem 0;overflow-wrap:anywhere}.next{color:#616161}")
            .Append("</style></head><body><main class=\"").Append(tone).Append("\">")
            .Append("<div class=\"mark\" aria-hidden=\"true\">").Append(mark).Append("</div>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p>").Append(Encode(message)).Append("</p>")
            .Append("<p class=\"next\">").Append(Encode(nextStep)).Append("</p>")
            .Append("</main></body></html>");
        return HtmlPage.Result(html.ToString(), succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Encode(string text) => HtmlText.Encode(text);
}
