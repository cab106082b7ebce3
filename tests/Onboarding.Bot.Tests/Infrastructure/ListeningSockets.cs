using System.Globalization;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// The TCP ports a process listens on, from Linux's /proc: the process's socket inodes (<c>/proc/&lt;pid&gt;/fd</c>) matched
/// against the listening sockets of <c>/proc/net/tcp</c> and <c>tcp6</c> (state 0A).
/// </summary>
public static class ListeningSockets
{
    public static IReadOnlySet<int> PortsOf(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while being looked at.
            }
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == "0A" && inodes.Contains(columns[9]))
                {
                    ports.Add(int.Parse(columns[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }
}
