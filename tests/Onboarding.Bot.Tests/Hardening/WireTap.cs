using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Web;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// A handler added to every HttpClient of the host under test that keeps each secret value crossing the wire:
/// bearer and basic credentials, the token endpoint's form fields (code, verifier, assertion, refresh token) and the
/// tokens in its answers. A secret scan then knows exactly what must not appear anywhere else.
/// </summary>
public sealed class WireTap : IDisposable
{
    private static readonly string[] SecretFields = ["code", "code_verifier", "client_assertion", "refresh_token", "token", "access_token", "client_secret"];

    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>Every secret seen, with what it was (e.g. <c>request code_verifier</c>).</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    /// <summary>Records a secret seen elsewhere (e.g. the code in the browser's redirect).</summary>
    public void Add(string value, string kind)
    {
        // Short values (ids, flags) would match by chance; every real secret here is far longer.
        if (value.Length >= 16)
        {
            _secrets.TryAdd(value, kind);
        }
    }

    public void Dispose()
    {
        // Nothing held; disposable so a test can treat it like the other stand-ins.
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { Parameter: { } credential })
        {
            Add(credential, $"request {request.Headers.Authorization.Scheme} credential");
        }

        if (request.Content is { Headers.ContentType.MediaType: "application/x-www-form-urlencoded" } form)
        {
            await form.LoadIntoBufferAsync(cancellationToken);
            var fields = HttpUtility.ParseQueryString(await form.ReadAsStringAsync(cancellationToken));
            foreach (var name in SecretFields)
            {
                if (fields[name] is { } value)
                {
                    Add(value, $"request {name}");
                }
            }
        }

        var response = await send(request, cancellationToken);
        if (response.Content.Headers.ContentType is { MediaType: "application/json" })
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            RecordTokens(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return response;
    }

    private void RecordTokens(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var name in SecretFields)
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    Add(value.GetString()!, $"response {name}");
                }
            }
        }
        catch (JsonException)
        {
            // Not every JSON-typed answer is JSON (error pages); nothing to record then.
        }
    }

    /// <summary>The handler each HttpClient gets (the factory wants a new one per pipeline); all feed one tap.</summary>
    public sealed class Forwarder(WireTap tap) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            tap.SendAsync(request, base.SendAsync, cancellationToken);
    }
}
