using System.Text.RegularExpressions;

namespace Onboarding.NetSuiteSandbox.Governance;

/// <summary>
/// An injected fault: requests whose path matches <see cref="PathPattern"/> (<c>*</c> = any characters) wait
/// <see cref="LatencyMs"/> and, when <see cref="Status"/> is set, fail with it instead of running.
/// </summary>
internal sealed class Fault
{
    public required string Id { get; init; }
    public required string PathPattern { get; init; }
    public string? Method { get; init; }
    public int? Status { get; init; }
    public string? ErrorCode { get; init; }
    public int LatencyMs { get; init; }

    /// <summary>How many more requests it applies to; null = until removed.</summary>
    public int? Remaining { get; set; }

    public bool Matches(HttpRequest request) =>
        (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(request.Path.Value ?? string.Empty, "^" + Regex.Escape(PathPattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
}
