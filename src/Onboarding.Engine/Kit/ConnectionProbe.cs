using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;

namespace Onboarding.Engine.Kit;

/// <summary>
/// The one query that proves a machine token works: one row of the kit's own configuration record type. The app role may
/// read it by design, and it exists on OneWorld and non-OneWorld accounts alike (docs/netsuite.md, C3 and C4). Used by
/// step 3's connection test, the final check, the health monitor and certificate rotation's proof.
/// </summary>
public sealed class ConnectionProbe(ISuiteQlClient suiteQl, IOptions<OnboardingOptions> options, TimeProvider timeProvider)
{
    /// <summary>Runs the probe; the value is how long it took.</summary>
    public async Task<NetSuiteResult<TimeSpan>> RunAsync(AccountId account, BearerToken token, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var page = await suiteQl.QueryAsync(account, token, QueryFor(options.Value), null, cancellationToken, limit: 1).ConfigureAwait(false);
        return page.IsSuccess ? NetSuiteResult<TimeSpan>.Success(timeProvider.GetElapsedTime(started)) : page.Error;
    }

    /// <summary>The probe's SuiteQL; the record type comes from validated settings (letters, digits and underscores only), never from input.</summary>
    public static string QueryFor(OnboardingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"SELECT id FROM {options.ConfigurationRecordType}";
    }
}
