using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Onboarding.Engine.Tests.TestDoubles;

/// <summary>Stands in for NetSuite at the HTTP handler level: records each request and answers from a script.</summary>
public sealed class StubNetSuiteHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _answers = new();
    private Func<RecordedRequest, HttpResponseMessage>? _fallback;
    private TimeSpan _latency;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers the next request (in order); after the queue runs dry the fallback answers.</summary>
    public StubNetSuiteHandler Then(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public StubNetSuiteHandler Then(HttpStatusCode status, string json) => Then(_ => Json(status, json));

    public StubNetSuiteHandler Always(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _fallback = answer;
        return this;
    }

    /// <summary>Makes every answer wait, as a slow NetSuite would; the wait ends early when the caller gives up.</summary>
    public StubNetSuiteHandler WithLatency(TimeSpan latency)
    {
        _latency = latency;
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Enqueue(recorded);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, cancellationToken);
        }

        var answer = _answers.TryDequeue(out var next) ? next : _fallback ?? throw new InvalidOperationException($"No answer scripted for {request.Method} {request.RequestUri}.");
        return answer(recorded);
    }
}

/// <summary>A request as the stub saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body)
{
    public IReadOnlyDictionary<string, string> Form =>
        (Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty);
}
