using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Tests.NetSuite;

public sealed class AccountIdTests
{
    [Theory]
    [InlineData("1234567", "1234567", "1234567")]
    [InlineData("1234567_SB1", "1234567_SB1", "1234567-sb1")]
    [InlineData("1234567_sb1", "1234567_SB1", "1234567-sb1")]
    [InlineData("1234567-sb1", "1234567_SB1", "1234567-sb1")]
    [InlineData("1234567_RP", "1234567_RP", "1234567-rp")]
    [InlineData("TSTDRV1234567", "TSTDRV1234567", "tstdrv1234567")]
    [InlineData("tstdrv1234567", "TSTDRV1234567", "tstdrv1234567")]
    [InlineData(" 1234567_SB2 ", "1234567_SB2", "1234567-sb2")]
    public void Accepted_forms_give_the_canonical_id_and_host_label(string input, string canonical, string hostLabel)
    {
        var id = AccountId.Parse(input);

        Assert.Equal(canonical, id.Value);
        Assert.Equal(hostLabel, id.HostLabel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234567.evil.com")]
    [InlineData("1234567/x")]
    [InlineData("1234567_SB1.attacker")]
    [InlineData("evil.com#1234567")]
    [InlineData("1234567_XX")]
    [InlineData("1234567__SB1")]
    [InlineData("1234567_SB1_RP")]
    [InlineData("1234567 SB1")]
    [InlineData("ABC")]
    [InlineData("١٢٣٤")]
    [InlineData("1234567%2e")]
    [InlineData("-1234567")]
    [InlineData("1234567@host")]
    [InlineData("TSTDRV\u212A1234567")]
    [InlineData("1234567_\u017FB1")]
    [InlineData("\u212A1234567")]
    public void Anything_else_is_refused_with_a_valid_example(string? input)
    {
        Assert.False(AccountId.TryParse(input, out _, out var error));
        Assert.Contains(AccountId.Example, Engine.Language.Wording.English.Say(error));
        Assert.Throws<FormatException>(() => AccountId.Parse(input));
    }

    [Fact]
    public void Ids_differing_only_in_case_or_separator_are_equal()
    {
        Assert.Equal(AccountId.Parse("1234567-sb1"), AccountId.Parse("1234567_SB1"));
    }
}
