using System.Text.Encodings.Web;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>The frame of the sandbox's few HTML pages (consent, bundle install, errors): NetSuite-like, small, no scripts.</summary>
internal static class HtmlPage
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static IResult Render(string title, string bodyHtml, int status = 200) =>
        Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} - NetSuite (sandbox)</title>
            <style>
              body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef1f5;color:#1f2a37}
              header{background:#0f2f4d;color:#fff;padding:12px 24px;font-weight:600;letter-spacing:.3px}
              header span{opacity:.7;font-weight:400;margin-left:8px}
              main{max-width:520px;margin:40px auto;background:#fff;border-radius:10px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:28px 32px}
              h1{font-size:1.35rem;margin:0 0 12px}
              p,li{line-height:1.5} .muted{color:#5b6675;font-size:.9rem}
              label{display:block;margin:14px 0 4px;font-weight:600}
              select{width:100%;padding:8px;border:1px solid #c5ccd6;border-radius:6px;font-size:1rem}
              .actions{display:flex;gap:12px;margin-top:24px}
              button{flex:1;padding:10px 16px;border-radius:6px;border:1px solid #0f5aa6;font-size:1rem;cursor:pointer}
              button.primary{background:#0f5aa6;color:#fff} button.secondary{background:#fff;color:#0f5aa6}
              .error{border-left:4px solid #c0392b;padding-left:12px} .ok{border-left:4px solid #2e8b57;padding-left:12px}
              table{width:100%;border-collapse:collapse} td{padding:6px 0;border-bottom:1px solid #eef1f5} td:first-child{color:#5b6675;width:40%}
            </style></head>
            <body><header>NetSuite<span>sandbox simulator</span></header><main>
            {{bodyHtml}}
            </main></body></html>
            """, "text/html; charset=utf-8", statusCode: status);

    public static IResult Error(string title, string message, int status = 400) =>
        Render(title, $"<div class=\"error\"><h1>{Encode(title)}</h1><p>{Encode(message)}</p></div>", status);
}
