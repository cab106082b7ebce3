using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Onboarding.Bot.Tests.Infrastructure;

/// <summary>
/// A POST written by hand on a TCP socket, as an attacker's script would: the head first, then a body of any size (with a
/// Content-Length, or chunked and possibly never ending) streamed while the answer is read. Unlike HttpClient it reads the
/// status the server sends before the body is complete — the point of refusing from the headers.
/// </summary>
public static class RawHttpRequest
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Sends <paramref name="bodyBytes"/> bytes of filler to <paramref name="path"/> and returns the status code of the answer.
    /// With <paramref name="chunked"/> no length is declared; a null <paramref name="bodyBytes"/> streams until answered.
    /// </summary>
    public static async Task<int> PostAsync(Uri baseAddress, string path, long? bodyBytes, bool chunked, string? authorization = null, CancellationToken cancellationToken = default)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        await using var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {bodyBytes ?? 0}\r\n"));
        if (authorization is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);

        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteBodyAsync(stream, bodyBytes, chunked, stopWriting.Token);
        try
        {
            return await ReadStatusAsync(stream, cancellationToken);
        }
        finally
        {
            await stopWriting.CancelAsync();
            await writing;
        }
    }

    private static async Task WriteBodyAsync(NetworkStream stream, long? bodyBytes, bool chunked, CancellationToken cancellationToken)
    {
        var filler = new byte[ChunkSize];
        Array.Fill(filler, (byte)'a');
        var chunkHeader = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ChunkSize:X}\r\n"));
        var crlf = "\r\n"u8.ToArray();
        long sent = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && (bodyBytes is null || sent < bodyBytes))
            {
                var size = (int)Math.Min(ChunkSize, (bodyBytes ?? long.MaxValue) - sent);
                if (chunked)
                {
                    await stream.WriteAsync(chunkHeader, cancellationToken);
                }

                await stream.WriteAsync(filler.AsMemory(0, size), cancellationToken);
                if (chunked)
                {
                    await stream.WriteAsync(crlf, cancellationToken);
                }

                sent += size;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The server answered and closed, or the answer was read: the rest of the body is not needed.
        }
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
        {
            line.Append((char)one[0]);
        }

        var parts = line.ToString().Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new IOException($"No HTTP status line came back: '{line}'.");
    }
}
