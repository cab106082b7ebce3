using System.Globalization;

namespace Onboarding.Benchmarks.Measurement;

/// <summary>
/// Processor time (user plus system) of a process and everything it started, read from Linux's <c>/proc</c>: PostgreSQL
/// does its work in one child process per session and in background workers (autovacuum among them), none of which the
/// main process's own counters include until they exit.
/// </summary>
public static class ProcessTree
{
    // The kernel counts in clock ticks; USER_HZ is 100 on every Linux the benchmarks run on (proc(5), "utime").
    private const double TicksPerSecond = 100;

    /// <summary>The tree's processor time so far; null where there is no <c>/proc</c>, or the root has gone.</summary>
    public static TimeSpan? ProcessorTime(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Read(folder) is { } stat)
            {
                processes[id] = stat;
            }
        }

        if (!processes.ContainsKey(root))
        {
            return null;
        }

        var ticks = 0L;
        var pending = new Stack<int>([root]);
        var children = processes.ToLookup(p => p.Value.Parent, p => p.Key);
        while (pending.TryPop(out var id))
        {
            ticks += processes[id].Ticks;
            foreach (var child in children[id])
            {
                pending.Push(child);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    // /proc/<id>/stat: "pid (comm) state ppid … utime stime …"; comm may hold spaces and parentheses, so fields are
    // counted from the last ')' (proc(5)).
    private static (int Parent, long Ticks)? Read(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // The process ended while the folder was read.
            return null;
        }
    }
}
