using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C6: at most five active certificates per integration record; revoked and expired ones do not count.</summary>
public sealed class C06CertificateLimitTests : SandboxTest
{
    private readonly List<TestKey> _keys = [];

    private TestKey NewKey(int validDays = 365)
    {
        _keys.Add(TestKey.Ec(validDays: validDays));
        return _keys[^1];
    }

    [Fact]
    public async Task C6_a_sixth_active_certificate_on_the_integration_is_refused()
    {
        await InstallBundleAsync();
        var admin = await AdminTokenAsync();
        for (var i = 0; i < 5; i++)
        {
            await UploadAsync(admin, NewKey());
        }

        var sixth = await UploadAsync(admin, NewKey().CertificatePem, AppRoleId, AdminEntityId);

        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(sixth, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task C6_revoked_and_expired_certificates_do_not_count_toward_the_five()
    {
        await InstallBundleAsync();
        var admin = await AdminTokenAsync();
        var revoked = await UploadAsync(admin, NewKey());
        await UploadAsync(admin, NewKey(validDays: 2));
        for (var i = 0; i < 3; i++)
        {
            await UploadAsync(admin, NewKey(validDays: 30));
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{revoked}/revoke", admin)).StatusCode);
        await AdvanceClockAsync(TimeSpan.FromDays(3));
        admin = await AdminTokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, NewKey().CertificatePem, AppRoleId, AdminEntityId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, NewKey().CertificatePem, AppRoleId, AdminEntityId)).StatusCode);
        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(await UploadAsync(admin, NewKey().CertificatePem, AppRoleId, AdminEntityId), HttpStatusCode.BadRequest));
    }

    public override async Task DisposeAsync()
    {
        _keys.ForEach(k => k.Dispose());
        await base.DisposeAsync();
    }
}

public sealed class C06CertificateLimitSwitchTests : SandboxTest
{
    public C06CertificateLimitSwitchTests() => Settings = options => options.Rules.CertificateLimit = false;

    [Fact]
    public async Task Switch_CertificateLimit_off_accepts_a_sixth_active_certificate()
    {
        await InstallBundleAsync();
        var admin = await AdminTokenAsync();
        var keys = Enumerable.Range(0, 6).Select(_ => TestKey.Ec()).ToList();
        try
        {
            foreach (var key in keys.Take(5))
            {
                await UploadAsync(admin, key);
            }

            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, keys[5].CertificatePem, AppRoleId, AdminEntityId)).StatusCode);
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }
}
