using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Tests.TestDoubles;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class RestClientsTests
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");
    private static readonly BearerToken Token = new("admin-token");

    [Fact]
    public async Task Certificate_list_reads_NetSuites_array_shape()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """
            [{"application":{"id":1,"name":"outlook","url":"/app/common/integration/integrapp.nl?id=1","application_id":"1C61CD58-044D-497A-AA29-7A3E9A9BB924"},
              "entity":{"id":-5,"name":"Test Test","url":"/app/common/entity/entity.nl?id=-5"},
              "role":{"id":3,"name":"Administrator","url":"/app/setup/role.nl?id=3"},
              "created":"2023-10-19","valid_from":"2023-10-19","valid_until":"2023-11-18",
              "revoked":false,"certificate_id":"MhkfyJ8knaSvAEhGrpT0uR2dTX5SkzguPnBToifC-vg","algorithm":"RSA"}]
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ICertificateClient>().ListAsync(Account, Token, CancellationToken.None);

        var certificate = Assert.Single(result.Value!);
        Assert.Equal(new NetSuiteCertificate("MhkfyJ8knaSvAEhGrpT0uR2dTX5SkzguPnBToifC-vg", "RSA", 3, "Administrator", -5, "Test Test", new(2023, 10, 19), new(2023, 10, 19), new(2023, 11, 18), false), certificate);
        var request = Assert.Single(netsuite.Requests);
        Assert.Equal("Bearer admin-token", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Certificate_upload_posts_json_and_reads_the_mapping_netsuite_stored()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """
            {"entity_role_id":{"com":"1234567_SB1","ent":7,"rol":1000},"application_id":1,
             "certificate_id":"NPMnRyPg-WDWhPiAbisjKiH0fqnBpjOZ367wDTe0pqA","certificate":"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
             "algorithm":"EC","created_at":"2026-11-28","valid_from":"2026-11-28","valid_until":"2028-11-27","invalidated":false}
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ICertificateClient>().UploadAsync(Account, Token, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", 1000, 7, CancellationToken.None);

        Assert.Equal(new UploadedCertificate("NPMnRyPg-WDWhPiAbisjKiH0fqnBpjOZ367wDTe0pqA", "EC", 1000, 7, new(2026, 11, 28), new(2028, 11, 27)), result.Value);
        var body = JsonDocument.Parse(Assert.Single(netsuite.Requests).Body!).RootElement;
        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", body.GetProperty("fileContent").GetString());
        Assert.Equal(1000, body.GetProperty("role").GetInt64());
        Assert.Equal(7, body.GetProperty("entity").GetInt64());
    }

    [Fact]
    public async Task Certificate_upload_is_not_retried_after_a_server_error()
    {
        var netsuite = new StubNetSuiteHandler().Always(_ => StubNetSuiteHandler.Json(HttpStatusCode.InternalServerError, """{"title":"Internal Server Error","status":500,"o:errorDetails":[{"detail":"An unexpected error occurred.","o:errorCode":"UNEXPECTED_ERROR"}]}"""));
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<ICertificateClient>().UploadAsync(Account, Token, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", 1000, 7, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.Unavailable, result.Error?.Kind);
        Assert.Single(netsuite.Requests);
    }

    [Fact]
    public async Task A_private_key_is_never_uploaded()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Get<ICertificateClient>().UploadAsync(Account, Token, "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", 1000, 7, CancellationToken.None));
    }

    [Fact]
    public async Task Certificate_revoke_accepts_NetSuites_plain_text_answer()
    {
        var netsuite = new StubNetSuiteHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("Successfully revoked") });
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ICertificateClient>().RevokeAsync(Account, Token, "cert-1", CancellationToken.None);

        Assert.Equal(CertificateRevocation.Revoked, result.Value);
        Assert.EndsWith("/certificates/cert-1/revoke", Assert.Single(netsuite.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Revoking_a_certificate_NetSuite_no_longer_knows_counts_as_already_revoked()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.NotFound, """
            {"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Not Found","status":404,
             "o:errorDetails":[{"detail":"Certificate not found.","o:errorCode":"NONEXISTENT_ID"}]}
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ICertificateClient>().RevokeAsync(Account, Token, "cert-gone", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(CertificateRevocation.AlreadyRevoked, result.Value);
    }

    [Fact]
    public async Task The_certificate_endpoint_is_the_machine_integration_records()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, "[]");
        using var host = new NetSuiteTestHost(netsuite);

        await host.Get<ICertificateClient>().ListAsync(Account, Token, CancellationToken.None);

        Assert.EndsWith("/services/rest/auth/oauth2/v1/clients/demo-machine-client/certificates", Assert.Single(netsuite.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_table_the_role_may_not_see_is_reported_as_a_missing_permission_naming_the_record()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.BadRequest, """
            {"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Bad Request","status":400,
             "o:errorDetails":[{"detail":"Invalid search query. Detailed unprocessed description follows. Search error occurred: Record 'role' was not found.","o:errorQueryParam":"q","o:errorCode":"INVALID_PARAMETER"}]}
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT id FROM role", null, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.PermissionMissing, result.Error!.Kind);
        Assert.Contains("'role' records", result.Error.Explanation.En(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuiteQL_sends_prefer_transient_and_parameters_and_reads_string_rows()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """
            {"links":[{"rel":"self","href":"x"}],"count":1,"hasMore":false,"offset":0,"totalResults":1,
             "items":[{"links":[],"id":"1001","scriptid":"CUSTOMROLE_ONBOARDING_APP"}]}
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT id, scriptid FROM role WHERE UPPER(scriptid) = UPPER(?)", ["customrole_onboarding_app"], CancellationToken.None, limit: 10);

        var row = Assert.Single(result.Value!.Items);
        Assert.Equal("1001", row["id"]);
        Assert.Equal("CUSTOMROLE_ONBOARDING_APP", row["SCRIPTID"]);
        Assert.False(row.ContainsKey("links"));
        var request = Assert.Single(netsuite.Requests);
        Assert.Equal("transient", request.Headers["Prefer"]);
        Assert.Equal("?limit=10&offset=0", request.Uri.Query);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal("customrole_onboarding_app", body.GetProperty("params")[0].GetString());
    }

    [Fact]
    public void Only_the_configured_NetSuite_timeouts_bound_a_call_not_HttpClients_own_default()
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());
        var factory = host.Get<IHttpClientFactory>();

        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(Engine.NetSuite.Internal.NetSuiteHttpClients.Idempotent).Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(Engine.NetSuite.Internal.NetSuiteHttpClients.NonIdempotent).Timeout);
    }

    [Fact]
    public async Task SuiteQL_rows_drop_links_and_nulls_and_keep_other_values_as_their_json_text()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """
            {"links":[],"count":2,"hasMore":false,"offset":0,"totalResults":2,"items":[
              {"links":[{"rel":"self","href":"x"}],"id":"7","memo":null,"amount":12.50,"active":true,"tags":["a",{"b":1}],"name":"Caf\u00e9 \"Nord\""},
              {"id":"8"}]}
            """);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT * FROM customrecord_x", null, CancellationToken.None);

        Assert.Equal(2, result.Value!.Items.Count);
        var first = result.Value.Items[0];
        Assert.Equal(["active", "amount", "id", "name", "tags"], first.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("7", first["ID"]);
        Assert.Equal("12.50", first["amount"]);
        Assert.Equal("true", first["active"]);
        Assert.Equal("""["a",{"b":1}]""", first["tags"]);
        Assert.Equal("Café \"Nord\"", first["name"]);
        Assert.Equal("8", Assert.Single(result.Value.Items[1]).Value);
    }

    [Theory]
    [InlineData("""{"links":[],"count":1,"hasMore":false,"offset":0,"totalResults":1,"items":[["7"]]}""")]
    [InlineData("""{"links":[],"count":0,"hasMore":false,"offset":0,"totalResults":0}""")]
    [InlineData("""{"items":{"id":"7"}}""")]
    [InlineData("""{"items":[],"count":"many"}""")]
    [InlineData("""[]""")]
    public async Task A_SuiteQL_page_of_another_shape_is_a_malformed_answer(string body)
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, body);
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT id FROM role", null, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.MalformedResponse, result.Error?.Kind);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1001, 0)]
    [InlineData(10, 15)]
    [InlineData(10, -10)]
    public async Task SuiteQL_paging_outside_NetSuites_rules_is_a_bug(int limit, int offset)
    {
        using var host = new NetSuiteTestHost(new StubNetSuiteHandler());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT id FROM role", null, CancellationToken.None, limit, offset));
    }

    [Fact]
    public async Task SuiteQL_rate_limit_is_retried_to_success()
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"title":"Bad Request","status":429,"o:errorCode":"USER_ERROR","o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]}""")
            .Then(_ =>
            {
                var response = StubNetSuiteHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(1));
                return response;
            })
            .Then(HttpStatusCode.OK, """{"links":[],"count":0,"hasMore":false,"offset":0,"totalResults":0,"items":[]}""");
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<ISuiteQlClient>().QueryAsync(Account, Token, "SELECT id FROM role", null, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, netsuite.Requests.Count);
    }

    [Fact]
    public async Task RESTlet_get_goes_to_the_restlet_host_with_script_and_deploy()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """{"installed":true,"bundleId":500123,"name":"Onboarding App","version":"1.0.0","dateInstalled":"2026-11-28T10:00:00.000Z","installedBy":{"id":7,"name":"Pat Admin"}}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IRestletClient>().GetAsync(Account, Token, new RestletId("customscript_onboarding_bundle_check", "customdeploy_onboarding_bundle_check"), new Dictionary<string, string> { ["bundleId"] = "500123" }, CancellationToken.None);

        Assert.True(result.Value.GetProperty("installed").GetBoolean());
        Assert.Equal(
            "https://1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_onboarding_bundle_check&deploy=customdeploy_onboarding_bundle_check&bundleId=500123",
            Assert.Single(netsuite.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task RESTlet_that_is_not_deployed_means_the_bundle_is_missing()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.BadRequest, """{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is invalid, disabled, or no longer exists."}}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IRestletClient>().PostAsync(Account, Token, new RestletId("customscript_x", "customdeploy_x"), new JsonObject { ["bundleId"] = 500123 }, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.ScriptNotDeployed, result.Error?.Kind);
        Assert.Equal("SSS_INVALID_SCRIPTLET_ID", result.Error?.Code);
        Assert.Equal("That Suitelet is invalid, disabled, or no longer exists.", result.Error?.Detail);
    }

    [Fact]
    public async Task RESTlet_concurrency_refusal_is_retried_even_for_a_post()
    {
        var netsuite = new StubNetSuiteHandler()
            .Then(HttpStatusCode.BadRequest, """{"error":{"code":"SSS_REQUEST_LIMIT_EXCEEDED","message":"Request limit exceeded."}}""")
            .Then(HttpStatusCode.OK, """{"installed":false}""");
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<IRestletClient>().PostAsync(Account, Token, new RestletId("customscript_x", "customdeploy_x"), new JsonObject { ["bundleId"] = 500123 }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, netsuite.Requests.Count);
    }

    [Fact]
    public async Task Other_RESTlet_errors_are_not_retried()
    {
        var netsuite = new StubNetSuiteHandler().Always(_ => StubNetSuiteHandler.Json(HttpStatusCode.BadRequest, """{"error":{"code":"INVALID_BUNDLE_ID","message":"bundleId must be a positive whole number."}}"""));
        using var host = new NetSuiteTestHost(netsuite, fakeTime: false);

        var result = await host.Get<IRestletClient>().GetAsync(Account, Token, new RestletId("customscript_x", "customdeploy_x"), null, CancellationToken.None);

        Assert.Equal("INVALID_BUNDLE_ID", result.Error?.Code);
        Assert.Single(netsuite.Requests);
    }

    [Fact]
    public async Task RESTlet_error_document_in_a_success_answer_is_a_failure()
    {
        var netsuite = new StubNetSuiteHandler().Then(HttpStatusCode.OK, """{"error":{"code":"INVALID_BUNDLE_ID","message":"bundleId must be a positive whole number, e.g. 500123."}}""");
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IRestletClient>().GetAsync(Account, Token, new RestletId("customscript_x", "customdeploy_x"), null, CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.InvalidRequest, result.Error?.Kind);
        Assert.Equal("INVALID_BUNDLE_ID", result.Error?.Code);
    }

    [Fact]
    public async Task Record_create_returns_the_id_from_the_location_header()
    {
        var netsuite = new StubNetSuiteHandler().Then(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NoContent);
            response.Headers.Location = new Uri("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customrecord_onboarding_config/42");
            return response;
        });
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IRecordClient>().CreateAsync(Account, Token, "customrecord_onboarding_config", new JsonObject { ["name"] = "x" }, CancellationToken.None);

        Assert.Equal("42", result.Value);
        Assert.Equal("""{"name":"x"}""", Assert.Single(netsuite.Requests).Body);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_malformed_response()
    {
        var netsuite = new StubNetSuiteHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>login</html>") });
        using var host = new NetSuiteTestHost(netsuite);

        var result = await host.Get<IRecordClient>().GetAsync(Account, Token, "customer", "1", CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.MalformedResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task No_answer_in_time_is_an_unavailable_value_not_an_exception()
    {
        var netsuite = new StubNetSuiteHandler().WithLatency(TimeSpan.FromSeconds(30)).Always(_ => StubNetSuiteHandler.Json(HttpStatusCode.OK, "{}"));
        using var host = new NetSuiteTestHost(
            netsuite,
            new Dictionary<string, string?> { ["NetSuite:MaxRetryAttempts"] = "0", ["NetSuite:AttemptTimeout"] = "00:00:01", ["NetSuite:TotalTimeout"] = "00:00:01" },
            fakeTime: false);

        var result = await host.Get<IRecordClient>().GetAsync(Account, Token, "customer", "1", CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.Unavailable, result.Error?.Kind);
    }

    [Fact]
    public async Task Connection_failure_is_a_network_error()
    {
        var netsuite = new StubNetSuiteHandler().Always(_ => throw new HttpRequestException("connection refused"));
        using var host = new NetSuiteTestHost(netsuite, new Dictionary<string, string?> { ["NetSuite:MaxRetryAttempts"] = "1" }, fakeTime: false);

        var result = await host.Get<IRecordClient>().GetAsync(Account, Token, "customer", "1", CancellationToken.None);

        Assert.Equal(NetSuiteErrorKind.Network, result.Error?.Kind);
        Assert.Equal(2, netsuite.Requests.Count);
    }
}
