using System.Text;
using Microsoft.Extensions.Time.Testing;
using Onboarding.Bot.Slack.Signing;

namespace Onboarding.Bot.Tests.Slack;

/// <summary>Slack's published test vector (https://api.slack.com/authentication/verifying-requests-from-slack) and the replay window.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long VectorTimestamp = 1531420618;
    private const string VectorBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    [Fact]
    public void Slacks_published_test_vector_is_valid()
    {
        var verifier = Verifier(VectorSecret, secondsAfterVector: 60);

        Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify("1531420618", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void Signing_the_test_vector_gives_slacks_signature()
    {
        Assert.Equal(VectorSignature, Verifier(VectorSecret, 0).Sign("1531420618", Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(VectorBody.Replace("roadrunner", "wileecoyote", StringComparison.Ordinal));

        Assert.Equal(SlackSignatureCheck.Mismatch, Verifier(VectorSecret, 0).Verify("1531420618", VectorSignature, tampered));
    }

    [Fact]
    public void The_wrong_secret_is_refused()
    {
        Assert.Equal(
            SlackSignatureCheck.Mismatch,
            Verifier("another-secret", 0).Verify("1531420618", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void A_request_older_than_five_minutes_is_refused()
    {
        Assert.Equal(
            SlackSignatureCheck.Stale,
            Verifier(VectorSecret, secondsAfterVector: 301).Verify("1531420618", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void A_request_exactly_five_minutes_old_is_still_accepted()
    {
        Assert.Equal(
            SlackSignatureCheck.Valid,
            Verifier(VectorSecret, secondsAfterVector: 300).Verify("1531420618", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void A_request_more_than_a_minute_in_the_future_is_refused()
    {
        Assert.Equal(
            SlackSignatureCheck.FromTheFuture,
            Verifier(VectorSecret, secondsAfterVector: -61).Verify("1531420618", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Theory]
    [InlineData(null, VectorSignature)]
    [InlineData("1531420618", null)]
    [InlineData("", "")]
    public void Missing_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(
            SlackSignatureCheck.MissingHeaders,
            Verifier(VectorSecret, 0).Verify(timestamp, signature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Malformed_signatures_are_refused(string signature)
    {
        Assert.Equal(SlackSignatureCheck.Mismatch, Verifier(VectorSecret, 0).Verify("1531420618", signature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void A_timestamp_that_is_not_a_number_is_refused()
    {
        Assert.Equal(
            SlackSignatureCheck.MalformedTimestamp,
            Verifier(VectorSecret, 0).Verify("1531420618.5", VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    private static SlackSignatureVerifier Verifier(string secret, long secondsAfterVector) =>
        SlackSignatureVerifier.Create(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp + secondsAfterVector)));
}
