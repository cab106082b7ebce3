using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Checked tenants' health and the results worth keeping (<see cref="HealthCheckLog.Keeps"/>), written a batch at a time;
/// each write ends the claims it covers.
/// </summary>
internal sealed class HealthResultBatch(Database database, TenantHealthStore healthStore, ILogger logger)
{
    // Tenants written per transaction: large enough to amortise the commit, small enough that a crash loses few checks.
    private const int WriteBatch = 250;

    private readonly Lock _gate = new();
    private List<CheckResult> _results = [];
    private List<(TenantHealth Before, TenantHealth After, string Holder)> _healths = [];

    public async Task AddAsync(TenantHealth before, IReadOnlyList<CheckResult> results, TenantHealth after, string holder, CancellationToken cancellationToken)
    {
        var kept = HealthCheckLog.Keeps(before, results);
        (List<CheckResult>, List<(TenantHealth, TenantHealth, string)>)? full = null;
        lock (_gate)
        {
            if (kept)
            {
                _results.AddRange(results);
            }

            _healths.Add((before, after, holder));
            if (_healths.Count >= WriteBatch)
            {
                full = Take();
            }
        }

        if (full is var (fullResults, fullHealths))
        {
            await WriteAsync(fullResults, fullHealths, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        (List<CheckResult> Results, List<(TenantHealth, TenantHealth, string)> Healths) rest;
        lock (_gate)
        {
            rest = Take();
        }

        return rest.Healths.Count == 0 ? Task.CompletedTask : WriteAsync(rest.Results, rest.Healths, cancellationToken);
    }

    private (List<CheckResult>, List<(TenantHealth, TenantHealth, string)>) Take()
    {
        var taken = (_results, _healths);
        _results = [];
        _healths = [];
        return taken;
    }

    private async Task WriteAsync(List<CheckResult> results, List<(TenantHealth Before, TenantHealth After, string Holder)> healths, CancellationToken cancellationToken)
    {
        var written = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
        {
            if (results.Count > 0)
            {
                await HealthCheckLog.RecordAsync(write, results, cancellationToken).ConfigureAwait(false);
            }

            return await healthStore.SaveCheckedAsync(write, healths, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (written < healths.Count)
        {
            HealthClaimsLost(logger, healths.Count - written);
        }
    }
}
