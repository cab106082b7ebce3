using System.Collections.Concurrent;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>Records every log message the host writes (category, event id, rendered text) so a test can wait for one.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<RecordedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <summary>Waits for a message matching <paramref name="match"/>; the timeout only keeps a broken test from hanging.</summary>
    public async Task<RecordedLog> WaitForAsync(Func<RecordedLog, bool> match)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_entries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching log message among {_entries.Count}.");
            }
        }
    }

    public void Dispose() => _arrived.Dispose();

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._entries.Enqueue(new RecordedLog(category, eventId.Id, logLevel, formatter(state, exception)));
            owner._arrived.Release();
        }
    }
}

/// <summary>One log message as written.</summary>
public sealed record RecordedLog(string Category, int EventId, LogLevel Level, string Message);
