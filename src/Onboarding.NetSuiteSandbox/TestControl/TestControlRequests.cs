namespace Onboarding.NetSuiteSandbox.TestControl;

/// <summary>Body of <c>POST /_sandbox/faults</c>.</summary>
internal sealed record FaultRequest(string PathPattern, string? Method, int? Status, string? ErrorCode, int? LatencyMs, int? Count);

/// <summary>Body of <c>POST /_sandbox/clock/advance</c>.</summary>
internal sealed record AdvanceClockRequest(double Seconds);

/// <summary>Body of <c>POST …/roles/{roleId}/permissions/remove</c>.</summary>
internal sealed record PermissionRequest(string Permission);

/// <summary>Body of <c>POST …/concurrency/hold</c> and <c>…/release</c>.</summary>
internal sealed record SlotsRequest(int Slots);
