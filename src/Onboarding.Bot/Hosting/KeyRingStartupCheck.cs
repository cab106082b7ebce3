using Microsoft.Extensions.Options;
using Onboarding.Engine.Storage;

namespace Onboarding.Bot.Hosting;

/// <summary>Says at start-up how the key ring is protected, and warns outside Development when it is not.</summary>
internal sealed class KeyRingStartupCheck(
    KeyRingCertificates certificates,
    IOptions<StorageOptions> storage,
    Database database,
    IHostEnvironment environment,
    ILogger<KeyRingStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var keyRing = KeyRingRegistration.Describe(storage.Value, database);
        if (certificates.Current is { } current)
        {
            Log.KeyRingProtected(logger, keyRing, current.Thumbprint, current.NotAfter.ToUniversalTime());
        }
        else if (!environment.IsDevelopment())
        {
            Log.KeyRingUnprotected(logger, keyRing);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
