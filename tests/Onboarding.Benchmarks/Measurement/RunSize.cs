namespace Onboarding.Benchmarks.Measurement;

/// <summary>How long a scenario runs: <c>--quick</c> for development on a busy machine, the full size for reported numbers.</summary>
public sealed record RunSize(bool Quick)
{
    /// <summary>The quick or the full value.</summary>
    public int Pick(int quick, int full) => Quick ? quick : full;

    public string Name => Quick ? "quick run" : "full run";
}
