using System.Net;
using Onboarding.Bot.Tests.Infrastructure;

namespace Onboarding.Bot.Tests.OAuth;

/// <summary>The page behind <c>/oauth/netsuite/callback</c> when the redirect is not one the bot sent people to.</summary>
public sealed class CallbackPageTests : BotAndBrowserTest
{
    [Fact]
    public async Task Callback_with_an_unknown_state_says_so_and_what_to_do()
    {
        var (status, page, response) = await Browser.OpenBotAsync("/oauth/netsuite/callback?state=forged-state-value&code=abc&role=3&entity=7&company=1234567_SB1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("We don&#39;t recognise this sign-in link", page, StringComparison.Ordinal);
        Assert.Contains("start again from the onboarding card", page, StringComparison.Ordinal);
        Assert.DoesNotContain("forged-state-value", page, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", page, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(Bed.Connector.Activities);
    }

    [Fact]
    public async Task Callback_without_state_asks_for_the_link_from_the_chat()
    {
        var (status, page, _) = await Browser.OpenBotAsync("/oauth/netsuite/callback?error=access_denied");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This page needs the link from your chat", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_that_leads_to_no_conversation_speaks_the_language_the_browser_asks_for()
    {
        using var client = new HttpClient { BaseAddress = Bed.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth/netsuite/callback?error=access_denied");
        request.Headers.AcceptLanguage.ParseAdd("pt-BR, de;q=0.8, en;q=0.5");

        using var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Diese Seite braucht den Link aus Ihrem Chat", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"de\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_with_an_oversized_value_is_refused_before_the_engine()
    {
        var (status, page, _) = await Browser.OpenBotAsync("/oauth/netsuite/callback?state=" + new string('s', 3000) + "&code=x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This sign-in link is not valid", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sss", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_with_a_repeated_parameter_is_refused()
    {
        var (status, page, _) = await Browser.OpenBotAsync("/oauth/netsuite/callback?state=a&state=b&code=x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This sign-in link is not valid", page, StringComparison.Ordinal);
    }
}
