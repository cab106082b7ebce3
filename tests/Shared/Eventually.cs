namespace Onboarding.Tests.Shared;

/// <summary>Waits for something done in the background. The timeout only keeps a broken test from hanging; it is never what a test checks.</summary>
internal static class Eventually
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until it returns a value, then returns it.</summary>
    public static Task<T> GetAsync<T>(Func<T?> probe, string waitingFor, TimeSpan? timeout = null)
        where T : class =>
        GetAsync(() => Task.FromResult(probe()), waitingFor, timeout);

    /// <summary>Polls <paramref name="probe"/> (which may ask over HTTP) until it returns a value, then returns it.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string waitingFor, TimeSpan? timeout = null)
        where T : class
    {
        using var cancellation = new CancellationTokenSource(timeout ?? HangGuard);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(20, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {waitingFor}.");
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> (which may ask the database) until it holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string waitingFor, TimeSpan? timeout = null) =>
        GetAsync(async () => await condition() ? waitingFor : null, waitingFor, timeout);

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    public static Task UntilAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        GetAsync(() => condition() ? waitingFor : null, waitingFor, timeout);
}
