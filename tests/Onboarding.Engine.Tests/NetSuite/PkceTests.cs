using Onboarding.Engine.NetSuite.Internal;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class PkceTests
{
    [Fact]
    public void Challenge_matches_the_RFC_7636_appendix_B_vector()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void Verifier_is_43_unreserved_characters_from_32_random_bytes()
    {
        var verifier = Pkce.CreateVerifier();

        Assert.Equal(43, verifier.Length);
        Assert.All(verifier, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~', $"'{c}' is not unreserved"));
    }

    [Fact]
    public void State_carries_at_least_32_random_bytes_and_differs_every_time()
    {
        var states = Enumerable.Range(0, 50).Select(_ => Pkce.CreateState()).ToList();

        Assert.All(states, s => Assert.True(s.Length >= 43));
        Assert.Equal(states.Count, states.Distinct().Count());
    }
}
