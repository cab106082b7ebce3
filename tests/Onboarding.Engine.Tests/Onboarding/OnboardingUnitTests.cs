using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Onboarding.Views;

namespace Onboarding.Engine.Tests.Onboarding;

public sealed class OnboardingUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static TenantKey Key(string thumbprint = "thumb") => new(
        "key-1", AccountId.Parse("1234567_SB1"), KeyAlgorithm.EcP256, thumbprint, null, 1001, 7,
        Now, Now.AddDays(730), TenantKeyStatus.Pending, Now);

    private static NetSuiteCertificate Listed(string id, bool revoked = false, long role = 1001, string algorithm = "EC") => new(
        id, algorithm, role, null, 7, null, DateOnly.FromDateTime(Now.UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime), DateOnly.FromDateTime(Now.AddDays(730).UtcDateTime), revoked);

    [Fact]
    public void Reconcile_prefers_the_certificate_whose_id_is_our_thumbprint()
    {
        var match = CertificateUpload.Reconcile([Listed("other"), Listed("thumb")], Key(), new HashSet<string>());

        Assert.Equal("thumb", match!.CertificateId);
    }

    [Fact]
    public void Reconcile_falls_back_to_the_one_certificate_with_our_mapping_and_expiry()
    {
        var match = CertificateUpload.Reconcile([Listed("x", role: 3), Listed("y", algorithm: "RSA"), Listed("ours")], Key(), new HashSet<string>());

        Assert.Equal("ours", match!.CertificateId);
    }

    [Fact]
    public void Reconcile_ignores_revoked_certificates_and_those_another_key_owns()
    {
        Assert.Null(CertificateUpload.Reconcile([Listed("a", revoked: true), Listed("b")], Key(), new HashSet<string> { "b" }));
    }

    [Fact]
    public void Reconcile_adopts_nothing_when_the_mapping_is_ambiguous()
    {
        Assert.Null(CertificateUpload.Reconcile([Listed("a"), Listed("b")], Key(), new HashSet<string>()));
    }

    [Theory]
    [InlineData(90, "in 2 min, 10:01 UTC")]
    [InlineData(-300, "5 min ago, 09:55 UTC")]
    [InlineData(20, "just now, 10:00 UTC")]
    [InlineData(3 * 3600 + 600, "in 3 h 10 min, 13:10 UTC")]
    [InlineData(59 * 60 + 42, "in 1 h, 10:59 UTC")]
    [InlineData(-(59 * 60 + 10), "59 min ago, 09:00 UTC")]
    public void Times_read_relative_and_absolute(int seconds, string expected) =>
        Assert.Equal(expected, Wording.English.Around(Now.AddSeconds(seconds), Now));

    [Theory]
    [InlineData("0123456789abcdef0123456789ABCDEF", true)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("0123456789abcdef0123456789abcdeg", false)]
    [InlineData(null, false)]
    public void Session_ids_are_32_hex_digits(string? text, bool valid) => Assert.Equal(valid, SessionId.TryParse(text, out _));

    [Fact]
    public void Settings_naming_an_unregistered_routine_or_a_bad_entity_fail_with_the_key_named()
    {
        var validator = new OnboardingOptionsValidator([new PostInstallRoutineRegistration("seed-configuration")]);
        var options = new OnboardingOptions { EntityToMap = "somebody", PostInstallRoutines = ["seed-configuration", "send-flowers"] };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Onboarding:EntityToMap", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("'send-flowers'", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_settings_are_valid()
    {
        var validator = new OnboardingOptionsValidator(
            new OnboardingOptions().PostInstallRoutines.Select(n => new PostInstallRoutineRegistration(n)));

        Assert.True(validator.Validate(null, new OnboardingOptions()).Succeeded);
        Assert.Equal(ValidateOptionsResult.Success, validator.Validate(null, new OnboardingOptions { EntityToMap = "12" }));
    }

    [Theory]
    [InlineData(OnboardingStep.AwaitingAuthorization, FlowCodes.AuthorizationDenied, true)]
    [InlineData(OnboardingStep.EstablishingMachineAccess, "PermissionMissing", true)]
    [InlineData(OnboardingStep.EstablishingMachineAccess, FlowCodes.AdminAccessEnded, true)]
    [InlineData(OnboardingStep.EstablishingMachineAccess, "Unavailable", false)]
    [InlineData(OnboardingStep.PostInstall, "PermissionMissing", false)]
    [InlineData(OnboardingStep.AwaitingBundle, FlowCodes.BundleNotInstalled, false)]
    public void Failures_that_only_a_new_sign_in_fixes_offer_one(OnboardingStep step, string code, bool signIn)
    {
        var session = new OnboardingSession
        {
            Id = SessionId.New(),
            Conversation = new Engine.Conversations.ConversationKey("msteams", "t", "c"),
            StartedBy = new Engine.Conversations.ChatUser("u", "Sam"),
            CreatedAt = Now,
            Step = step,
            Status = SessionStatus.Failed,
            Failure = new StepFailure(code, Phrase.Verbatim("reason"), Phrase.Verbatim("to do")),
        };

        Assert.Equal(signIn, session.NeedsNewSignIn);
    }

    [Fact]
    public void A_failure_from_NetSuite_keeps_its_words_for_the_small_print()
    {
        var failure = StepFailure.From(new NetSuiteError(NetSuiteErrorKind.RateLimited, Phrase.Verbatim("NetSuite is busy."), 429, "CONCURRENCY_LIMIT_EXCEEDED"));

        Assert.Equal("NetSuite is busy.", failure.Reason.En());
        Assert.Contains("Retry in a minute", failure.ToDo.En(), StringComparison.Ordinal);
        Assert.Equal("CONCURRENCY_LIMIT_EXCEEDED (429)", failure.Said);
        Assert.Equal("NetSuite said: CONCURRENCY_LIMIT_EXCEEDED (429)", Wording.English.NetSuiteSaid(failure.Said));
        Assert.Equal("Antwort von NetSuite: CONCURRENCY_LIMIT_EXCEEDED (429)", Wording.For("de-DE").NetSuiteSaid(failure.Said));
    }
}
