using System.Globalization;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// Results of one scenario as Markdown table rows (metric, value, target, verdict), printed at the end so they can be
/// pasted into docs/benchmarks.md.
/// </summary>
public sealed class ResultTable(string scenario)
{
    private readonly List<string> _rows = [];

    /// <summary>A measured value without a target.</summary>
    public void Report(string metric, string value) => _rows.Add($"| {scenario} | {metric} | {value} | | |");

    /// <summary>A measured value against an upper bound.</summary>
    public void AtMost(string metric, double value, double bound, string unit, string format = "F2") =>
        _rows.Add(Row(metric, value, $"≤ {Format(bound, format)}{unit}", value <= bound, unit, format));

    /// <summary>A measured value against a strict upper bound.</summary>
    public void Below(string metric, double value, double bound, string unit, string format = "F2") =>
        _rows.Add(Row(metric, value, $"< {Format(bound, format)}{unit}", value < bound, unit, format));

    /// <summary>A measured value against a lower bound.</summary>
    public void AtLeast(string metric, double value, double bound, string unit, string format = "F2") =>
        _rows.Add(Row(metric, value, $"≥ {Format(bound, format)}{unit}", value >= bound, unit, format));

    public void Print(string load)
    {
        Console.WriteLine();
        Console.WriteLine($"## {scenario} — {load}");
        Console.WriteLine("| scenario | metric | value | target | verdict |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            Console.WriteLine(row);
        }
    }

    private string Row(string metric, double value, string target, bool met, string unit, string format) =>
        $"| {scenario} | {metric} | {Format(value, format)}{unit} | {target} | {(met ? "met" : "**missed**")} |";

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
