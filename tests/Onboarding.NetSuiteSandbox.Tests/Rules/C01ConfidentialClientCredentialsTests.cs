using System.Net;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests.Rules;

/// <summary>C1: the client-credentials grant is for confidential integration records only.</summary>
public sealed class C01ConfidentialClientCredentialsTests : SandboxTest
{
    // The public onboarding record with "Client Credentials" checked too, as a vendor might try.
    public C01ConfidentialClientCredentialsTests() => Seed = PublicRecordWithClientCredentials();

    internal static TestSeed PublicRecordWithClientCredentials() =>
        new(seed => TestSeed.DemoAccount(seed)["integrations"]![0]!["clientCredentialsGrant"] = true);

    [Fact]
    public async Task C1_client_credentials_for_a_public_client_is_refused_with_unauthorized_client()
    {
        using var key = TestKey.Ec();
        await InstallBundleAsync();
        var kid = await UploadAsync(await AdminTokenAsync(), key, certificatesUrl: CertificatesUrlFor(ClientId));

        var response = await MintAsync(key, kid, clientId: ClientId);

        Assert.Equal("unauthorized_client", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task C1_the_confidential_machine_record_mints_with_its_certificate()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        var body = await JsonAsync(await MintAsync(key, kid), HttpStatusCode.OK);

        Assert.Equal(MachineClientId, DecodePayload(body["access_token"]!.GetValue<string>())["aud"]![0]!.GetValue<string>());
    }
}

public sealed class C01ConfidentialClientCredentialsSwitchTests : SandboxTest
{
    public C01ConfidentialClientCredentialsSwitchTests()
    {
        Seed = C01ConfidentialClientCredentialsTests.PublicRecordWithClientCredentials();
        Settings = options => options.Rules.ConfidentialClientCredentials = false;
    }

    [Fact]
    public async Task Switch_ConfidentialClientCredentials_off_lets_a_public_client_mint()
    {
        using var key = TestKey.Ec();
        await InstallBundleAsync();
        var kid = await UploadAsync(await AdminTokenAsync(), key, certificatesUrl: CertificatesUrlFor(ClientId));

        var body = await JsonAsync(await MintAsync(key, kid, clientId: ClientId), HttpStatusCode.OK);

        Assert.NotNull(body["access_token"]);
    }
}

public sealed class C01BuiltInPublicRecordTests : SandboxTest
{
    [Fact]
    public async Task C1_the_built_in_public_record_cannot_mint_even_with_a_mapped_certificate()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        var response = await MintAsync(key, kid, clientId: ClientId);

        Assert.Equal("unauthorized_client", await OAuthErrorAsync(response, HttpStatusCode.BadRequest));
    }
}
