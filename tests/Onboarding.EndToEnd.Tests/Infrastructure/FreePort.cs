using System.Net;
using System.Net.Sockets;

namespace Onboarding.EndToEnd.Tests.Infrastructure;

/// <summary>A loopback port nobody is listening on, for a server whose address must be known before it starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
