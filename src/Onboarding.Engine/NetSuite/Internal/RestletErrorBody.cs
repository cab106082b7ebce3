using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal;

/// <summary>
/// Recognises a RESTlet error document <c>{"error":{"code":…,"message":…}}</c> (docs/netsuite.md §6.3) in a successful
/// answer; its code and message are cleaned (<see cref="NetSuiteText"/>).
/// </summary>
internal static class RestletErrorBody
{
    public static bool TryRead(JsonElement body, [NotNullWhen(true)] out string? code, out string? message)
    {
        code = null;
        message = null;
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty(Error, out var error)
            || error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty(Code, out var codeElement)
            || codeElement.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        code = NetSuiteText.Clean(codeElement.GetString(), NetSuiteText.MaxCodeLength) ?? string.Empty;
        message = NetSuiteText.Clean(error.TryGetProperty(Message, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null, NetSuiteText.MaxMessageLength);
        return true;
    }
}
