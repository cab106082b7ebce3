using Onboarding.Benchmarks.Measurement;

namespace Onboarding.Benchmarks.Health;

/// <summary>(d) The health monitor at 10,000 tenants per cycle.</summary>
public static class HealthScenario
{
    public static Task<ResultTable> RunAsync(RunSize size)
    {
        var table = new ResultTable("d. health monitor");
        table.Report("not yet measured", size.Name);
        return Task.FromResult(table);
    }
}
