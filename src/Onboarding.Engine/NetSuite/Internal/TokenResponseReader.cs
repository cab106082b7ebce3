using System.Globalization;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>Reads a token endpoint answer from Duende's ProtocolResponse: tokens on success, a translated error otherwise.</summary>
internal static class TokenResponseReader
{
    /// <summary>The tokens from a token endpoint answer, or the failure it stands for.</summary>
    public static NetSuiteResult<IssuedTokens> Read(ProtocolResponse response, OAuthCall call, CancellationToken cancellationToken)
    {
        if (Failure(response, call, cancellationToken) is { } error)
        {
            return error;
        }

        var accessToken = String(response, WireNames.Token.AccessToken);
        var expiresIn = ExpiresIn(response);
        if (string.IsNullOrEmpty(accessToken) || expiresIn is null)
        {
            return FailureTranslator.Malformed((int)response.HttpStatusCode);
        }

        var refreshToken = String(response, WireNames.Token.RefreshToken);
        return NetSuiteResult<IssuedTokens>.Success(new IssuedTokens(
            new BearerToken(accessToken),
            string.IsNullOrEmpty(refreshToken) ? null : new BearerToken(refreshToken),
            expiresIn.Value));
    }

    /// <summary>The failure a response stands for, or null when it succeeded. Rethrows the caller's cancellation.</summary>
    public static NetSuiteError? Failure(ProtocolResponse response, OAuthCall call, CancellationToken cancellationToken)
    {
        var status = response.HttpResponse is null ? (int?)null : (int)response.HttpStatusCode;
        switch (response.ErrorType)
        {
            case ResponseErrorType.None:
                return null;
            case ResponseErrorType.Exception when response.Exception is { } exception:
                cancellationToken.ThrowIfCancellationRequested();
                if (exception is JsonException)
                {
                    return FailureTranslator.Malformed(status ?? 0);
                }

                return FailureTranslator.Translate(exception, cancellationToken)
                    ?? throw new InvalidOperationException("The NetSuite token request failed unexpectedly.", exception);
            default:
                // Duende treats only a 400 as a protocol error; NetSuite's 401 invalid_client carries the same JSON, and an
                // HTML error page carries none (then the status alone decides).
                return OAuthErrorTranslator.Translate(call, ErrorBodyReader.Parse(response.Raw ?? string.Empty).Code, status);
        }
    }

    /// <summary>
    /// The access token's lifetime. NetSuite documents <c>expires_in</c> as a number but 2025.2 was seen sending a
    /// numeric string (docs/netsuite.md §2.3a), so both are read from the raw JSON.
    /// </summary>
    public static TimeSpan? ExpiresIn(ProtocolResponse response)
    {
        if (response.Json is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty(WireNames.Token.ExpiresIn, out var value))
        {
            return null;
        }

        long seconds = 0;
        var read = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
        return read && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static string? String(ProtocolResponse response, string name) =>
        response.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>What a token endpoint issued: the access token, a refresh token if any, and the access token's lifetime.</summary>
internal sealed record IssuedTokens(BearerToken AccessToken, BearerToken? RefreshToken, TimeSpan ExpiresIn);
