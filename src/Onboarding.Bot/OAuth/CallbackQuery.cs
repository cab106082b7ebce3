using Microsoft.Extensions.Primitives;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.OAuth;

/// <summary>Reads NetSuite's redirect parameters, refusing oversized or repeated ones before anything else sees them.</summary>
internal static class CallbackQuery
{
    /// <summary>Longest query string accepted: codes, states and NetSuite's error texts are far shorter.</summary>
    public const int MaxQueryLength = 8192;

    /// <summary>Longest single parameter value accepted.</summary>
    public const int MaxValueLength = 2048;

    private static readonly string[] Known = ["state", "code", "role", "entity", "company", "error", "error_description"];

    /// <summary>The callback, or null with the reason (for the log, never shown with values) when the query is refused.</summary>
    public static (AuthorizationCallback? Callback, string? Refusal) Read(HttpRequest request)
    {
        if (request.QueryString.Value is { Length: > MaxQueryLength })
        {
            return (null, "query string too long");
        }

        foreach (var name in Known)
        {
            var values = request.Query[name];
            if (values.Count > 1)
            {
                return (null, $"parameter '{name}' repeated");
            }

            if (values.ToString().Length > MaxValueLength)
            {
                return (null, $"parameter '{name}' too long");
            }
        }

        return (new AuthorizationCallback(
            Value(request.Query["state"]),
            Value(request.Query["code"]),
            Value(request.Query["role"]),
            Value(request.Query["entity"]),
            Value(request.Query["company"]),
            Value(request.Query["error"]),
            Value(request.Query["error_description"])), null);
    }

    private static string? Value(StringValues values) => values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
}
