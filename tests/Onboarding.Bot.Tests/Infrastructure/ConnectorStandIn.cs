using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// A local stand-in for the Bot Connector service on 127.0.0.1: records every activity the bot posts or updates
/// and answers like the service (<c>{"id": …}</c>). Point an incoming activity's <c>serviceUrl</c> at <see cref="ServiceUrl"/>.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedActivity> _activities = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private int _nextId;
    private bool _disposed;

    private ConnectorStandIn(WebApplication app) => _app = app;

    /// <summary>The base URL to use as the activity's <c>serviceUrl</c> (with a trailing slash).</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Everything recorded so far, in arrival order.</summary>
    public IReadOnlyList<RecordedActivity> Activities => [.. _activities];

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpRequest request) =>
            standIn.RecordAsync(HttpMethods.Post, conversationId, null, request));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            standIn.RecordAsync(HttpMethods.Post, conversationId, activityId, request));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpRequest request) =>
            standIn.RecordAsync(HttpMethods.Put, conversationId, activityId, request));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.ServiceUrl = address.TrimEnd('/') + "/";
        return standIn;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> activities matching <paramref name="match"/> have arrived and returns them.
    /// The timeout only keeps a broken test from hanging; it is not what the test checks.
    /// </summary>
    public async Task<IReadOnlyList<RecordedActivity>> WaitForAsync(Func<RecordedActivity, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _activities.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} matching activities at the connector stand-in; got {found.Count} of {_activities.Count} recorded.");
            }
        }
    }

    /// <summary>Stops the server; a test may call it early to make the connector unreachable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    /// <summary>From now on, answers every post to the conversation with <paramref name="status"/> (e.g. 403 once the bot was removed).</summary>
    public void Refuse(string conversationId, int status) => _refusals[conversationId] = status;

    /// <summary>
    /// From now on, records posts to the conversation but answers none until <see cref="Release"/> (or the caller gives up):
    /// a connector that hangs, keeping whoever posts busy.
    /// </summary>
    public void Hold(string conversationId) => _holds[conversationId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held posts to the conversation, and every later one at once.</summary>
    public void Release(string conversationId)
    {
        if (_holds.TryRemove(conversationId, out var hold))
        {
            hold.TrySetResult();
        }
    }

    private async Task<IResult> RecordAsync(string method, string conversationId, string? activityId, HttpRequest request)
    {
        if (_refusals.TryGetValue(Uri.UnescapeDataString(conversationId), out var refusal))
        {
            return Results.Json(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } }, statusCode: refusal);
        }

        var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        if (body is null)
        {
            return Results.BadRequest();
        }

        var assigned = method == HttpMethods.Put ? activityId! : $"standin-activity-{Interlocked.Increment(ref _nextId)}";
        _activities.Enqueue(new RecordedActivity(method, Uri.UnescapeDataString(conversationId), activityId, assigned, body) { Cookie = request.Headers.Cookie.ToString(), TraceParent = request.Headers.TraceParent.ToString() });

        // As a load balancer in front of the connector may (an affinity cookie): the bot must not keep it for other tenants' calls.
        request.HttpContext.Response.Headers.SetCookie = $"affinity={assigned}; Path=/";
        _arrived.Release();
        if (_holds.TryGetValue(Uri.UnescapeDataString(conversationId), out var hold))
        {
            try
            {
                await hold.Task.WaitAsync(request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        return Results.Ok(new { id = assigned });
    }
}
