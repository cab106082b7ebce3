using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Slack.Signing;
using Onboarding.EndToEnd.Tests.Infrastructure;

namespace Onboarding.EndToEnd.Tests.Slack;

/// <summary>
/// Our Slack request verifier against Slack's own SDK (@slack/bolt's isValidSlackRequest), both ways, on generated
/// vectors: what we sign Bolt accepts and what we tamper with Bolt refuses; what Node signs and Bolt judges, we judge alike.
/// </summary>
public sealed class SlackSignatureCrossCheckTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);

    [NodeChecksFact]
    public async Task Bolt_agrees_with_our_verifier_on_vectors_we_sign()
    {
        var vectors = Enumerable.Range(0, 60).Select(OurVector).ToList();
        using var scratch = new ScratchFolder();
        var path = await scratch.WriteAsync("vectors.json", JsonSerializer.Serialize(vectors.Select(v => v.Json).ToList()));

        var bolt = (await NodeScript.RunAsync("slack-signatures.js", "verify", path)).AsArray()
            .ToDictionary(v => (string)v!["id"]!, v => (bool)v!["boltAccepts"]!);

        Assert.Equal(vectors.Count, bolt.Count);
        Assert.All(vectors, v => Assert.True(bolt[v.Id] == v.WeAccept, $"{v.Id}: Bolt {(bolt[v.Id] ? "accepts" : "refuses")}, we {(v.WeAccept ? "accept" : "refuse")}"));
        Assert.Contains(vectors, v => v.WeAccept);
        Assert.Contains(vectors, v => !v.WeAccept);
    }

    [NodeChecksFact]
    public async Task Our_verifier_agrees_with_Bolt_on_vectors_Node_signs()
    {
        var vectors = (await NodeScript.RunAsync("slack-signatures.js", "generate", "70", Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))).AsArray();

        Assert.Equal(70, vectors.Count);
        foreach (var vector in vectors)
        {
            var verifier = SlackSignatureVerifier.Create((string)vector!["secret"]!, new FakeTimeProvider(Now));
            var ours = verifier.Verify((string)vector["timestamp"]!, (string)vector["signature"]!, Encoding.UTF8.GetBytes((string)vector["body"]!));
            var bolt = (bool)vector["boltAccepts"]!;
            Assert.True(bolt == (ours == SlackSignatureCheck.Valid), $"{vector["id"]}: Bolt {(bolt ? "accepts" : "refuses")}, we say {ours}");
        }

        Assert.Contains(vectors, v => (bool)v!["boltAccepts"]!);
        Assert.Contains(vectors, v => !(bool)v!["boltAccepts"]!);
    }

    [NodeChecksFact]
    public async Task A_timestamp_from_the_future_is_the_one_documented_difference()
    {
        // Bolt checks only staleness; we also refuse requests more than a minute ahead of our clock.
        var secret = "future-secret";
        var timestamp = (Now.ToUnixTimeSeconds() + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var verifier = SlackSignatureVerifier.Create(secret, new FakeTimeProvider(Now));
        var body = "token=x&text=onboard";
        var vector = new JsonObject
        {
            ["id"] = "future", ["secret"] = secret, ["timestamp"] = timestamp, ["body"] = body,
            ["signature"] = verifier.Sign(timestamp, Encoding.UTF8.GetBytes(body)), ["nowSeconds"] = Now.ToUnixTimeSeconds(),
        };
        using var scratch = new ScratchFolder();
        var path = await scratch.WriteAsync("vectors.json", new JsonArray(vector).ToJsonString());

        var bolt = (await NodeScript.RunAsync("slack-signatures.js", "verify", path)).AsArray().Single()!;

        Assert.True((bool)bolt["boltAccepts"]!);
        Assert.Equal(SlackSignatureCheck.FromTheFuture, verifier.Verify(timestamp, (string)vector["signature"]!, Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>A vector signed by our verifier; every other one is tampered with in one of several ways.</summary>
    private static Vector OurVector(int index)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var verifier = SlackSignatureVerifier.Create(secret, new FakeTimeProvider(Now));
        var timestamp = (Now.ToUnixTimeSeconds() - RandomNumberGenerator.GetInt32(290)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = index % 2 == 0
            ? $"{{\"type\":\"event_callback\",\"event\":{{\"type\":\"message\",\"text\":\"onboard 1234567_SB1 ✓ {Convert.ToBase64String(RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 300)))}\"}}}}"
            : $"payload={Uri.EscapeDataString($"{{\"type\":\"block_actions\",\"n\":{index},\"text\":\"é€ 😀\"}}")}";
        var signature = verifier.Sign(timestamp, Encoding.UTF8.GetBytes(body));
        var kind = (index % 6) switch
        {
            1 => "changed-body",
            3 => "stale",
            5 => "wrong-secret",
            _ => "valid",
        };
        switch (kind)
        {
            case "changed-body":
                body += "&x=1";
                break;
            case "stale":
                timestamp = (Now.ToUnixTimeSeconds() - 400).ToString(System.Globalization.CultureInfo.InvariantCulture);
                signature = verifier.Sign(timestamp, Encoding.UTF8.GetBytes(body));
                break;
            case "wrong-secret":
                secret += "0";
                break;
        }

        var weAccept = SlackSignatureVerifier.Create(secret, new FakeTimeProvider(Now)).Verify(timestamp, signature, Encoding.UTF8.GetBytes(body)) == SlackSignatureCheck.Valid;
        var json = new Dictionary<string, object> { ["id"] = $"cs-{index}-{kind}", ["secret"] = secret, ["timestamp"] = timestamp, ["body"] = body, ["signature"] = signature, ["nowSeconds"] = Now.ToUnixTimeSeconds() };
        return new Vector($"cs-{index}-{kind}", weAccept, json);
    }

    private sealed record Vector(string Id, bool WeAccept, Dictionary<string, object> Json);
}
