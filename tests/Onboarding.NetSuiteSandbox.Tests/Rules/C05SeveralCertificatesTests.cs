using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C5: several certificates may serve one (integration, role, entity); one certificate is never mapped twice.</summary>
public sealed class C05SeveralCertificatesTests : SandboxTest
{
    [Fact]
    public async Task C5_a_second_certificate_for_the_same_integration_role_and_entity_is_accepted_and_both_mint()
    {
        using var first = TestKey.Ec();
        using var second = TestKey.Ec();
        var firstKid = await MachineAccessAsync(first);

        var secondKid = await UploadAsync(await AdminTokenAsync(), second);

        Assert.NotEqual(firstKid, secondKid);
        Assert.Equal(HttpStatusCode.OK, (await MintAsync(first, firstKid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MintAsync(second, secondKid)).StatusCode);
    }

    [Fact]
    public async Task C5_rotation_overlaps_new_certificate_proven_before_the_old_one_is_revoked()
    {
        using var old = TestKey.Ec();
        using var next = TestKey.Ec();
        var oldKid = await MachineAccessAsync(old);
        var admin = await AdminTokenAsync();
        var nextKid = await UploadAsync(admin, next);
        var proof = (await JsonAsync(await MintAsync(next, nextKid), HttpStatusCode.OK))["access_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await SuiteQlAsync(proof, "SELECT companyname FROM companyinformation")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{oldKid}/revoke", admin)).StatusCode);

        Assert.Equal("invalid_client", await OAuthErrorAsync(await MintAsync(old, oldKid), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await MintAsync(next, nextKid)).StatusCode);
    }

    [Fact]
    public async Task C5_the_same_certificate_cannot_be_uploaded_twice_even_for_another_role()
    {
        using var key = TestKey.Ec();
        await MachineAccessAsync(key);
        var admin = await AdminTokenAsync();

        var again = await UploadAsync(admin, key.CertificatePem, AppRoleId, AdminEntityId);
        var otherRole = await UploadAsync(admin, key.CertificatePem, AdminRoleId, AdminEntityId);

        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(again, HttpStatusCode.BadRequest));
        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(otherRole, HttpStatusCode.BadRequest));
    }
}

public sealed class C05UniqueCertificatesSwitchTests : SandboxTest
{
    public C05UniqueCertificatesSwitchTests() => Settings = options => options.Rules.UniqueCertificates = false;

    [Fact]
    public async Task Switch_UniqueCertificates_off_accepts_the_same_certificate_again()
    {
        using var key = TestKey.Ec();
        await MachineAccessAsync(key);

        var again = await UploadAsync(await AdminTokenAsync(), key.CertificatePem, AdminRoleId, AdminEntityId);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
