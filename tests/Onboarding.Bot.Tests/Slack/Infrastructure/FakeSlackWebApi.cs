using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Onboarding.Bot.Tests.Slack.Infrastructure;

/// <summary>
/// A local fake of Slack's Web API on 127.0.0.1 (<c>POST /api/{method}</c>) that records every call. It answers
/// <c>chat.postMessage</c> with a fresh <c>ts</c>, <c>chat.update</c> with the same <c>ts</c>, <c>oauth.v2.access</c>
/// with <see cref="OAuthAccess"/>, and <c>users.info</c> from <see cref="Members"/> (<c>user_not_found</c> for anyone else);
/// scripted answers queued with <see cref="Enqueue"/> come first.
/// Point <c>Slack:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed class FakeSlackWebApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedSlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripted = new();
    private int _nextTs;

    private FakeSlackWebApi(WebApplication app) => _app = app;

    /// <summary>The base URL for <c>Slack:ApiBaseUrl</c>, e.g. <c>http://127.0.0.1:40123/api/</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedSlackCall> Calls => [.. _calls];

    /// <summary>
    /// The members <c>users.info</c> knows, by user id: their locale (sent only when the call asks with
    /// <c>include_locale=true</c>, as Slack does) and IANA time zone (<c>tz</c>).
    /// </summary>
    public ConcurrentDictionary<string, (string? Locale, string? Tz)> Members { get; } = new();

    /// <summary>What <c>oauth.v2.access</c> answers (without <c>ok</c>, which is added).</summary>
    public JsonObject OAuthAccess { get; set; } = new()
    {
        ["access_token"] = "xoxb-installed-token",
        ["token_type"] = "bot",
        ["scope"] = "app_mentions:read,chat:write,commands,im:history,users:read",
        ["bot_user_id"] = "U0BOT",
        ["app_id"] = "A0APP",
        ["team"] = new JsonObject { ["id"] = "T0INSTALLED", ["name"] = "Installed Co" },
        ["enterprise"] = null,
        ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
        ["is_enterprise_install"] = false,
    };

    public static async Task<FakeSlackWebApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackWebApi(app);
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake.AnswerAsync(method, http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return fake;
    }

    /// <summary>Makes the next call to <paramref name="method"/> answer with this status, body and optional Retry-After.</summary>
    public void Enqueue(string method, HttpStatusCode status, JsonObject body, TimeSpan? retryAfter = null) =>
        _scripted.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedAnswer>()).Enqueue(new ScriptedAnswer(status, body, retryAfter));

    /// <summary>Makes the next call to <paramref name="method"/> answer <c>{"ok":false,"error":…}</c>.</summary>
    public void EnqueueError(string method, string error) =>
        Enqueue(method, HttpStatusCode.OK, new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>
    /// Waits until <paramref name="count"/> calls matching <paramref name="match"/> have arrived.
    /// The timeout only keeps a broken test from hanging; it is not what the test checks.
    /// </summary>
    public Task<IReadOnlyList<RecordedSlackCall>> WaitForAsync(Func<RecordedSlackCall, bool> match, int count = 1, TimeSpan? timeout = null) =>
        Eventually.GetAsync<IReadOnlyList<RecordedSlackCall>>(
            () => _calls.Where(match).ToList() is { } found && found.Count >= count ? found : null,
            $"{count} matching Slack call(s); recorded: {string.Join(", ", _calls.Select(c => c.Method))}",
            timeout);

    public Task<IReadOnlyList<RecordedSlackCall>> WaitForMethodAsync(string method, int count = 1) => WaitForAsync(c => c.Method == method, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var isJson = http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        var request = isJson ? JsonNode.Parse(body) as JsonObject : null;
        var authorization = http.Request.Headers.Authorization.ToString();

        // As Slack's own answers do: a cookie the bot must not keep (no workspace's call may carry another's).
        http.Response.Headers.SetCookie = $"b=browser-{method}; Path=/";
        var form = isJson ? new Dictionary<string, StringValues>() : QueryHelpers.ParseQuery(body);

        var (status, answer, retryAfter) = _scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted)
            ? (scripted.Status, scripted.Body, scripted.RetryAfter)
            : (HttpStatusCode.OK, DefaultAnswer(method, request, form), null);

        // Recorded before answering, so a test that sees the answer also sees the call.
        _calls.Enqueue(new RecordedSlackCall(
            method,
            authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null,
            request,
            form)
        {
            AnsweredTs = (bool?)answer["ok"] == true ? (string?)answer["ts"] : null,
            Cookie = http.Request.Headers.Cookie.ToString(),
        });

        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(answer, statusCode: (int)status);
    }

    private JsonObject DefaultAnswer(string method, JsonObject? request, IReadOnlyDictionary<string, StringValues> form) => method switch
    {
        "chat.postMessage" => new JsonObject
        {
            ["ok"] = true,
            ["channel"] = (string?)request?["channel"],
            ["ts"] = $"1700000000.{Interlocked.Increment(ref _nextTs):D6}",
        },
        "chat.update" => new JsonObject
        {
            ["ok"] = true,
            ["channel"] = (string?)request?["channel"],
            ["ts"] = (string?)request?["ts"],
        },
        "oauth.v2.access" => WithOk(OAuthAccess),
        "users.info" => UserInfo(form),
        _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
    };

    private JsonObject UserInfo(IReadOnlyDictionary<string, StringValues> form)
    {
        var id = form.TryGetValue("user", out var user) ? user.ToString() : string.Empty;
        if (!Members.TryGetValue(id, out var member))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
        }

        var answer = new JsonObject { ["id"] = id, ["tz"] = member.Tz };
        if (form.TryGetValue("include_locale", out var include) && include.ToString() == "true")
        {
            answer["locale"] = member.Locale;
        }

        return new JsonObject { ["ok"] = true, ["user"] = answer };
    }

    private static JsonObject WithOk(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy["ok"] = true;
        return copy;
    }

    private sealed record ScriptedAnswer(HttpStatusCode Status, JsonObject Body, TimeSpan? RetryAfter);
}
