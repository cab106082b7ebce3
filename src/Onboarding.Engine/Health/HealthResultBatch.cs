using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>
/// Checked tenants' health and the results worth keeping (<see cref="HealthCheckLog.Keeps"/>), written a batch at a time;
/// each write ends the claims it covers. A full batch is written beside the checks, not by the worker that filled it, so
/// the checks in flight stay as many as the cycle asked for; <see cref="FlushAsync"/> writes the rest and waits for all.
/// </summary>
internal sealed class HealthResultBatch(Database database, TenantHealthStore healthStore, ILogger logger)
{
    // Tenants written per transaction: large enough to amortise the commit, small enough that a crash loses few checks.
    private const int WriteBatch = 250;

    private readonly Lock _gate = new();
    private List<CheckResult> _results = [];
    private List<(TenantHealth Before, TenantHealth After, string Holder)> _healths = [];
    private readonly List<Task> _writes = [];

    public void Add(TenantHealth before, IReadOnlyList<CheckResult> results, TenantHealth after, string holder)
    {
        var kept = HealthCheckLog.Keeps(before, results);
        lock (_gate)
        {
            if (kept)
            {
                _results.AddRange(results);
            }

            _healths.Add((before, after, holder));
            if (_healths.Count >= WriteBatch)
            {
                var (fullResults, fullHealths) = Take();

                // What was checked is written even when the cycle is being stopped: its tenants are then not checked again
                // before they are due.
                _writes.Add(Task.Run(() => WriteAsync(fullResults, fullHealths, CancellationToken.None)));
            }
        }
    }

    /// <summary>Writes what is left and waits for every write; throws when one failed.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        (List<CheckResult> Results, List<(TenantHealth, TenantHealth, string)> Healths) rest;
        Task[] started;
        lock (_gate)
        {
            rest = Take();
            started = [.. _writes];
            _writes.Clear();
        }

        try
        {
            if (rest.Healths.Count > 0)
            {
                await WriteAsync(rest.Results, rest.Healths, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await Task.WhenAll(started).ConfigureAwait(false);
        }
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
