using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Onboarding.NetSuiteSandbox.Tests.Infrastructure;

namespace Onboarding.NetSuiteSandbox.Tests;

public sealed class CertificateTests : SandboxTest
{
    [Fact]
    public async Task Upload_answers_in_netsuites_shape()
    {
        await InstallBundleAsync();
        using var key = TestKey.Ec();

        var body = await JsonAsync(await UploadAsync(await AdminTokenAsync(), key.CertificatePem, AppRoleId, AdminEntityId.ToString(System.Globalization.CultureInfo.InvariantCulture)), HttpStatusCode.OK);

        Assert.Equal(AccountId, body["entity_role_id"]!["com"]!.GetValue<string>());
        Assert.Equal(AdminEntityId, body["entity_role_id"]!["ent"]!.GetValue<int>());
        Assert.Equal(AppRoleId, body["entity_role_id"]!["rol"]!.GetValue<int>());
        Assert.Equal(2, body["application_id"]!.GetValue<int>()); // the machine-access record's internal id
        Assert.Equal(43, body["certificate_id"]!.GetValue<string>().Length);
        Assert.Equal("EC", body["algorithm"]!.GetValue<string>());
        Assert.False(body["invalidated"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", body["valid_until"]!.GetValue<string>());
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", body["certificate"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["created_at"]);
        Assert.NotNull(body["valid_from"]);
    }

    [Fact]
    public async Task List_answers_an_array_in_netsuites_shape_and_ignores_unknown_query_parameters()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);

        var response = await SendAsync(HttpMethod.Get, CertificatesUrl + "?c=", await AdminTokenAsync());
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(list)!;
        Assert.Equal(kid, item["certificate_id"]!.GetValue<string>());
        Assert.Equal(2, item["application"]!["id"]!.GetValue<int>());
        Assert.Equal("0B7E1D4A-2C6F-4E83-9A51-7F3C2D9E8B14", item["application"]!["application_id"]!.GetValue<string>());
        Assert.Equal("/app/common/entity/entity.nl?id=7", item["entity"]!["url"]!.GetValue<string>());
        Assert.Equal(AppRoleId, item["role"]!["id"]!.GetValue<int>());
        Assert.False(item["revoked"]!.GetValue<bool>());
        Assert.Equal("EC", item["algorithm"]!.GetValue<string>());
        Assert.NotNull(item["created"]);
        Assert.NotNull(item["valid_from"]);
        Assert.NotNull(item["valid_until"]);
    }

    [Fact]
    public async Task Revoke_answers_plain_text_and_the_list_shows_it_revoked()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var token = await AdminTokenAsync();

        var revoke = await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{kid}/revoke", token);
        var list = JsonNode.Parse(await (await SendAsync(HttpMethod.Get, CertificatesUrl, token)).Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("text/plain", revoke.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Successfully revoked", await revoke.Content.ReadAsStringAsync());
        Assert.True(list[0]!["revoked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Revoking_an_unknown_certificate_gets_404()
    {
        var response = await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/nope/revoke", await AdminTokenAsync());
        Assert.Equal("NONEXISTENT_ID", await RestErrorCodeAsync(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Revoking_an_already_revoked_certificate_gets_404()
    {
        using var key = TestKey.Ec();
        var kid = await MachineAccessAsync(key);
        var token = await AdminTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{kid}/revoke", token)).StatusCode);

        var again = await SendAsync(HttpMethod.Post, $"{CertificatesUrl}/{kid}/revoke", token);

        Assert.Equal("NONEXISTENT_ID", await RestErrorCodeAsync(again, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Upload_without_the_manage_own_certificates_permission_gets_403()
    {
        var token = await AdminTokenAsync();
        await ControlAsync($"accounts/{AccountId}/roles/3/permissions/remove", new { permission = "Manage own OAuth 2.0 Client Credentials certificates" });
        using var key = TestKey.Ec();

        var response = await UploadAsync(token, key.CertificatePem, AdminRoleId, AdminEntityId);

        Assert.Equal("INSUFFICIENT_PERMISSION", await RestErrorCodeAsync(response, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Token_without_rest_webservices_scope_cannot_use_the_endpoint()
    {
        var token = await AdminTokenAsync(scope: "restlets");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, CertificatesUrl, token)).StatusCode);
    }

    [Fact]
    public async Task Private_key_is_refused()
    {
        using var key = TestKey.Ec();
        var response = await UploadAsync(await AdminTokenAsync(), key.PrivateKeyPem, AdminRoleId, AdminEntityId);
        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Rsa_2048_key_is_refused()
    {
        using var key = TestKey.Rsa(2048);
        var response = await UploadAsync(await AdminTokenAsync(), key.CertificatePem, AdminRoleId, AdminEntityId);
        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Unknown_role_is_refused()
    {
        using var key = TestKey.Ec();
        var response = await UploadAsync(await AdminTokenAsync(), key.CertificatePem, AppRoleId, AdminEntityId); // bundle not installed yet
        Assert.Equal("INVALID_CONTENT", await RestErrorCodeAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Validity_beyond_two_years_is_shortened_to_two_years()
    {
        using var key = TestKey.Ec(validDays: 365 * 3);
        var body = await JsonAsync(await UploadAsync(await AdminTokenAsync(), key.CertificatePem, AdminRoleId, AdminEntityId), HttpStatusCode.OK);

        var from = DateOnly.Parse(body["valid_from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var until = DateOnly.Parse(body["valid_until"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(730, until.DayNumber - from.DayNumber);
    }
}
