using System.Diagnostics.Metrics;

namespace Onboarding.Engine.NetSuite;

/// <summary>The NetSuite clients' instruments on the <c>Onboarding.NetSuite</c> meter.</summary>
public sealed class NetSuiteMetrics
{
    public const string MeterName = "Onboarding.NetSuite";

    private readonly Counter<long> _tokenMints;

    public NetSuiteMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _tokenMints = meterFactory.Create(MeterName).CreateCounter<long>(
            "onboarding.netsuite.token.mints", "{token}", "Client-credentials token requests sent to NetSuite (cache misses), by outcome.");
    }

    public void TokenMinted(bool succeeded) => _tokenMints.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "issued" : "refused"));
}
