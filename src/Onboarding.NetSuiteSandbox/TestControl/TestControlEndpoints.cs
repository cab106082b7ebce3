using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Certificates;
using Onboarding.NetSuiteSandbox.Governance;
using Onboarding.NetSuiteSandbox.Hosting;
using Onboarding.NetSuiteSandbox.Seed;
using Onboarding.NetSuiteSandbox.Time;

namespace Onboarding.NetSuiteSandbox.TestControl;

/// <summary>
/// <c>/_sandbox/…</c>: lets tests and demos break and inspect accounts (faults, revocations, uninstall, permission and
/// role changes, features, blocked records, sandbox refresh, clock); docs/sandbox.md lists every endpoint. Mapped only
/// when <c>Sandbox:EnableTestControl</c> is true. Changes are idempotent: 204 once the state holds, 404 when the
/// account, role, employee or integration named does not exist.
/// </summary>
internal static class TestControlEndpoints
{
    public static void MapTestControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_sandbox");

        control.MapGet("/clock", (SandboxClock clock) => Results.Json(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds }));
        control.MapPost("/clock/advance", (AdvanceClockRequest request, SandboxClock clock, ILogger<SandboxClock> logger) =>
        {
            if (request.Seconds < 0)
            {
                return Results.BadRequest(new { error = "seconds must be 0 or more; the clock only moves forward." });
            }

            clock.Advance(TimeSpan.FromSeconds(request.Seconds));
            Log.ClockAdvanced(logger, request.Seconds);
            return Results.Json(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds });
        });

        control.MapGet("/faults", (FaultStore faults) => Results.Json(faults.List()));
        control.MapPost("/faults", (FaultRequest request, FaultStore faults) =>
        {
            if (string.IsNullOrWhiteSpace(request.PathPattern) || (request.Status is null && request.LatencyMs is null) || request.Count <= 0)
            {
                return Results.BadRequest(new { error = "pathPattern and status and/or latencyMs are required; count, if given, must be positive." });
            }

            var fault = new Fault
            {
                Id = Guid.NewGuid().ToString("N"),
                PathPattern = request.PathPattern,
                Method = request.Method,
                Status = request.Status,
                ErrorCode = request.ErrorCode,
                LatencyMs = request.LatencyMs ?? 0,
                Remaining = request.Count,
            };
            faults.Add(fault);
            return Results.Json(fault, statusCode: 201);
        });
        control.MapDelete("/faults", (FaultStore faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapDelete("/faults/{id}", (string id, FaultStore faults) => faults.Remove(id) ? Results.NoContent() : Results.NotFound());

        control.MapGet("/accounts", (AccountRegistry registry) => Results.Json(registry.All.Select(Summary)));

        var account = control.MapGroup("/accounts/{account}").AddEndpointFilter(async (context, next) =>
        {
            var label = context.HttpContext.GetRouteValue("account") as string ?? string.Empty;
            if (context.HttpContext.RequestServices.GetRequiredService<AccountRegistry>().Find(label) is not { } found)
            {
                return Results.NotFound(new { error = $"No account '{label}'." });
            }

            context.HttpContext.Items[typeof(Account)] = found;
            return await next(context);
        });

        account.MapGet("", (HttpContext http) => Results.Json(Summary(Current(http))));

        account.MapGet("/certificates", (HttpContext http) =>
        {
            var acct = Current(http);
            lock (acct.Gate)
            {
                return Results.Json(new JsonArray(acct.Certificates.Select(c =>
                {
                    var item = CertificateEndpoints.ListItem(acct, acct.Integrations[c.ClientId], c);
                    item["client_id"] = c.ClientId;
                    return (JsonNode)item;
                }).ToArray()));
            }
        });

        account.MapPost("/certificates/{certificateId}/revoke", (HttpContext http, string certificateId) =>
            Mutate(http, acct =>
            {
                var mapping = acct.Certificates.FirstOrDefault(c => c.CertificateId == certificateId);
                mapping?.Revoked = true;
                return mapping is not null;
            }));

        account.MapPost("/bundles/{bundleId:int}/install", (HttpContext http, int bundleId, TimeProvider clock) =>
            Mutate(http, acct =>
            {
                if (!acct.Bundles.TryGetValue(bundleId, out var bundle))
                {
                    return false;
                }

                acct.InstallBundle(bundle, clock.GetUtcNow());
                return true;
            }));

        account.MapPost("/bundles/{bundleId:int}/uninstall", (HttpContext http, int bundleId) =>
            Mutate(http, acct => acct.Bundles.TryGetValue(bundleId, out var bundle) && acct.UninstallBundle(bundle)));

        account.MapPost("/roles/{roleId:int}/permissions/remove", (HttpContext http, int roleId, PermissionRequest request) =>
            Change(http, acct => acct.Roles.GetValueOrDefault(roleId), (_, role) => role.Withdraw(request.Permission)));

        account.MapPost("/roles/{roleId:int}/permissions/add", (HttpContext http, int roleId, PermissionRequest request) =>
            Change(http, acct => acct.Roles.GetValueOrDefault(roleId), (_, role) => role.Grant(request.Permission)));

        // Setup › Users/Roles › Manage Users › <employee> › Access › Roles: what an admin does to make an entity hold a role.
        account.MapPost("/employees/{employeeId:int}/roles/{roleId:int}/assign", (HttpContext http, int employeeId, int roleId) =>
            Change(http, acct => acct.Employees.GetValueOrDefault(employeeId), (acct, employee) => acct.AssignRole(employee, roleId)));

        account.MapPost("/employees/{employeeId:int}/roles/{roleId:int}/unassign", (HttpContext http, int employeeId, int roleId) =>
            Change(http, acct => acct.Employees.GetValueOrDefault(employeeId), (acct, employee) => acct.UnassignRole(employee, roleId)));

        account.MapPost("/features/{feature}/enable", (HttpContext http, string feature) => SwitchFeature(http, feature, on: true));
        account.MapPost("/features/{feature}/disable", (HttpContext http, string feature) => SwitchFeature(http, feature, on: false));

        account.MapPost("/integrations/{clientId}/block", (HttpContext http, string clientId) =>
            Change(http, acct => acct.Integrations.GetValueOrDefault(clientId), (acct, _) => acct.BlockedIntegrations.Add(clientId)));

        account.MapPost("/integrations/{clientId}/enable", (HttpContext http, string clientId) =>
            Change(http, acct => acct.Integrations.GetValueOrDefault(clientId), (acct, _) => acct.BlockedIntegrations.Remove(clientId)));

        account.MapPost("/refresh", (HttpContext http) => Mutate(http, acct =>
        {
            acct.Refresh(http.Rules());
            return true;
        }));

        account.MapPost("/concurrency/hold", (HttpContext http, SlotsRequest request) => Mutate(http, acct =>
        {
            acct.HeldSlots += request.Slots;
            acct.InFlight += request.Slots;
            return request.Slots > 0;
        }));

        account.MapPost("/concurrency/release", (HttpContext http, SlotsRequest request) => Mutate(http, acct =>
        {
            var released = Math.Min(acct.HeldSlots, Math.Max(0, request.Slots));
            acct.HeldSlots -= released;
            acct.InFlight -= released;
            return true;
        }));
    }

    private static IResult SwitchFeature(HttpContext http, string name, bool on)
    {
        if (!AccountFeatures.TryParse(name, out var feature))
        {
            return Results.BadRequest(new { error = $"Unknown feature '{name}'. Known features: {string.Join(", ", Enum.GetNames<AccountFeature>())}." });
        }

        if (feature == AccountFeature.OneWorld)
        {
            return Results.BadRequest(new { error = "OneWorld is fixed when an account is provisioned; seed a OneWorld or a non-OneWorld account instead." });
        }

        return Change(http, acct => acct, (acct, _) =>
        {
            if (on)
            {
                acct.Features.Add(feature);
            }
            else
            {
                acct.Features.Remove(feature);
            }
        });
    }

    // Idempotent changes: 204 once the state holds (changed now or before), 404 when the target does not exist.
    private static IResult Change<T>(HttpContext http, Func<Account, T?> find, Action<Account, T> change)
        where T : class =>
        Mutate(http, acct =>
        {
            if (find(acct) is not { } target)
            {
                return false;
            }

            change(acct, target);
            return true;
        });

    private static Account Current(HttpContext http) => (Account)http.Items[typeof(Account)]!;

    private static IResult Mutate(HttpContext http, Func<Account, bool> change)
    {
        var acct = Current(http);
        bool changed;
        lock (acct.Gate)
        {
            changed = change(acct);
        }

        return changed ? Results.NoContent() : Results.NotFound(new { error = "Nothing matched in this account." });
    }

    private static object Summary(Account acct)
    {
        lock (acct.Gate)
        {
            return new
            {
                id = acct.Id,
                hostLabel = acct.HostLabel,
                companyName = acct.CompanyName,
                concurrencyLimit = acct.ConcurrencyLimit,
                inFlight = acct.InFlight,
                installedBundles = acct.InstalledBundles.Keys.ToArray(),
                installedIntegrations = acct.InstalledIntegrations.ToArray(),
                features = acct.Features.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToArray(),
                integrations = acct.Integrations.Values.Select(i => new
                {
                    clientId = i.ClientId,
                    name = i.Name,
                    publicClient = i.PublicClient,
                    state = acct.BlockedIntegrations.Contains(i.ClientId) ? SeedIntegration.Blocked : SeedIntegration.Enabled,
                }).ToArray(),
                roles = acct.Roles.Values.Select(r => new
                {
                    id = r.Id,
                    scriptId = r.ScriptId,
                    name = r.Name,
                    webServicesOnly = r.WebServicesOnly,
                    administrator = r.IsAdministrator,
                    permissions = r.Granted.Order(StringComparer.Ordinal).ToArray(),
                    withdrawn = r.Withdrawn.Order(StringComparer.Ordinal).ToArray(),
                }).ToArray(),
                employees = acct.Employees.Values.Select(e => new { id = e.Id, name = e.Name, roles = e.Roles.ToArray() }).ToArray(),
            };
        }
    }
}
