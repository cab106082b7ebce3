using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Sends one REST or RESTlet request with a bearer token and turns every outcome into a NetSuiteResult.</summary>
internal sealed class NetSuiteCall(IHttpClientFactory httpClientFactory, ILogger<NetSuiteCall> logger)
{
    public async Task<NetSuiteResult<T>> SendAsync<T>(
        string operation,
        AccountId account,
        string clientName,
        HttpRequestMessage request,
        BearerToken accessToken,
        Func<HttpResponseMessage, CancellationToken, Task<T>> readSuccess,
        CancellationToken cancellationToken)
    {
        using var ownedRequest = request;
        using var span = NetSuiteSpans.Start(operation, account);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = httpClientFactory.CreateClient(clientName);
        NetSuiteError error;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return NetSuiteResult<T>.Success(await readSuccess(response, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
                {
                    error = FailureTranslator.Malformed((int)response.StatusCode);
                }
            }
            else
            {
                error = await ErrorBodyReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (FailureTranslator.Translate(ex, cancellationToken) is { } transport)
        {
            error = transport;
        }

        Log.NetSuiteCallFailed(logger, operation, account, error.Kind, error.HttpStatus, error.Code);
        NetSuiteSpans.Failed(span, error);
        return error;
    }
}
