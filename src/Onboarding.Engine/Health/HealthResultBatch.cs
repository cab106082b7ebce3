using Microsoft.Extensions.Logging;
using Onboarding.Engine.Storage;
using static Onboarding.Engine.Log;

namespace Onboarding.Engine.Health;

/// <summary>Check results and the health they led to, written a batch at a time; each write ends the claims it covers.</summary>
internal sealed class HealthResultBatch(Database database, TenantHealthStore healthStore, ILogger logger)
{
    // Results written per transaction: large enough to amortise the commit, small enough that a crash loses few checks.
    private const int WriteBatch = 250;

    private readonly Lock _gate = new();
    private List<CheckResult> _results = [];
    private List<(TenantHealth Health, string Holder)> _healths = [];

    public async Task AddAsync(IReadOnlyList<CheckResult> results, TenantHealth health, string holder, CancellationToken cancellationToken)
    {
        (List<CheckResult> Results, List<(TenantHealth, string)> Healths)? full = null;
        lock (_gate)
        {
            _results.AddRange(results);
            _healths.Add((health, holder));
            if (_healths.Count >= WriteBatch)
            {
                full = Take();
            }
        }

        if (full is { } batch)
        {
            await WriteAsync(batch.Results, batch.Healths, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        (List<CheckResult> Results, List<(TenantHealth, string)> Healths) rest;
        lock (_gate)
        {
            rest = Take();
        }

        return rest.Healths.Count == 0 ? Task.CompletedTask : WriteAsync(rest.Results, rest.Healths, cancellationToken);
    }

    private (List<CheckResult>, List<(TenantHealth, string)>) Take()
    {
        var taken = (_results, _healths);
        _results = [];
        _healths = [];
        return taken;
    }

    private async Task WriteAsync(List<CheckResult> results, List<(TenantHealth Health, string Holder)> healths, CancellationToken cancellationToken)
    {
        var written = await StorageTransaction.WriteAsync(database, StorageAccess.ConcurrentWrite, async write =>
        {
            await HealthCheckLog.RecordAsync(write, results, cancellationToken).ConfigureAwait(false);
            return await healthStore.SaveClaimedAsync(write, healths, release: true, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (written < healths.Count)
        {
            HealthClaimsLost(logger, healths.Count - written);
        }
    }
}
