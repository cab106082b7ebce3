namespace Onboarding.NetSuiteSandbox.Time;

/// <summary>The sandbox's notion of now: real time plus an offset that test control can move forward.</summary>
internal sealed class SandboxClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The sandbox clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
