using Microsoft.AspNetCore.Http;
using Onboarding.Bot.OAuth;

namespace Onboarding.Bot.Tests.OAuth;

public sealed class CallbackPageRenderingTests
{
    [Fact]
    public async Task Everything_shown_on_the_page_is_html_encoded()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await CallbackPage.Render(Wording.English, false, "<b>title</b>", "<script>alert(1)</script>", "\"next\" & more").ExecuteAsync(context);

        context.Response.Body.Position = 0;
        var page = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&quot;next&quot; &amp; more", page, StringComparison.Ordinal);
        Assert.Equal(400, context.Response.StatusCode);
    }
}
