using Onboarding.Bot.Slack.Signing;

namespace Onboarding.Bot.Tests.Hardening;

/// <summary>
/// The bad-input table: what people, platforms and operators might send that the product must refuse, each row with
/// the message (or outcome) it must produce. <see cref="BadInputTests"/> runs every row.
/// </summary>
public static class BadInputTable
{
    private const string NotAnId = "is not a NetSuite account id";
    private const string GiveAnId = "Give a NetSuite account id";

    /// <summary>Account ids as typed: the id becomes part of a host name, so anything but the strict shape is refused.</summary>
    public static TheoryData<string, string> AccountIds => new()
    {
        { "", GiveAnId },
        { "   ", GiveAnId },
        { "abc", NotAnId },
        { "1234567_", NotAnId },
        { "1234567_SB", NotAnId },
        { "1234567_XX1", NotAnId },
        { "_SB1", NotAnId },
        { "1234567__SB1", NotAnId },
        { "1234567 SB1", NotAnId },
        { "1234567.SB1", NotAnId },
        { "1234567/SB1", NotAnId },
        { "../1234567", NotAnId },
        { "1234567_SB1/../admin", NotAnId },
        { "1234567_SB1?x=1", NotAnId },
        { "1234567_SB1#fragment", NotAnId },
        { "1234567@evil.example", NotAnId },
        { "evil.example", NotAnId },
        { "1234567_SB1.evil.example", NotAnId },
        { "http://1234567", NotAnId },
        { "1234567%2e", NotAnId },
        { "１２３４５６７", NotAnId },
        { "\u212A1234567", NotAnId },
        { "1234567_\u017FB1", NotAnId },
        { "1234567890123", NotAnId },
        { "ABCDEFGHIJK1", NotAnId },
        { "1234567_SB1234", NotAnId },
        { "1234567_RP1", NotAnId },
        { "-SB1", NotAnId },
        { "1234567;DROP TABLE tenants", NotAnId },
        { "<script>alert(1)</script>", NotAnId },
        { "1234567\u0000", NotAnId },
        { "${jndi:ldap://127.0.0.1/x}", NotAnId },
        { new string('9', 500), "…" },
    };

    /// <summary>Typed commands (text, user) and the words the answer must show.</summary>
    public static TheoryData<string, string, string> Commands => new()
    {
        { "onboard abc", Person, NotAnId },
        { "onboard 1234567_SB1.evil.example", Person, NotAnId },
        { "onboard ../../etc/passwd", Person, NotAnId },
        { "onboard <b>bold</b>", Person, NotAnId },
        { "onboard 1234567_SB1 and more words", Person, NotAnId },
        { "ONBOARD abc", Person, NotAnId },
        { "onboard \u212A1234567_SB1", Person, NotAnId },
        { "status !!!", Person, NotAnId },
        { "offboard 1234567_SB1", Person, StaffOnly },
        { "rotate 1234567_SB1", Person, StaffOnly },
        { "alerts here", Person, StaffOnly },
        { "alerts off", Person, StaffOnly },
        { "offboard not-an-id!", Staff, NotAnId },
        { "rotate ???", Staff, NotAnId },
        { "cancel", Person, "Nothing to cancel" },
        { "frobnicate", Person, Help },
        { "", Person, Help },
        { "\u0001\u0002", Person, Help },
        { new string('x', 5000), Person, Help },
        { "🙂 onboard", Person, Help },
        { "help me please", Person, Help },
    };

    /// <summary>Card submits (data as JSON) and the words the answer must show.</summary>
    public static TheoryData<string, string> CardData => new()
    {
        { """{"verb":"onboarding.cancel"}""", NoSuchOnboarding },
        { """{"verb":"onboarding.cancel","session":""}""", NoSuchOnboarding },
        { """{"verb":"onboarding.retry","session":42}""", NoSuchOnboarding },
        { """{"verb":"onboarding.retry","session":true}""", NoSuchOnboarding },
        { """{"verb":"onboarding.bundle-check","session":"00000000-0000-0000-0000-000000000000"}""", NoSuchOnboarding },
        { """{"verb":"onboarding.bundle-check","session":"' OR 1=1 --"}""", NoSuchOnboarding },
        { """{"verb":"onboarding.bundle-check","session":null}""", NoSuchOnboarding },
        { """{"verb":"nobody.knows.this"}""", Help },
        { """{"verb":42}""", Help },
        { """{"verb":"onboard","account":"evil.example"}""", NotAnId },
    };

    /// <summary>Callback query strings (as NetSuite's redirect would carry them) and the page title they must get.</summary>
    public static TheoryData<string, string> CallbackQueries => new()
    {
        { "", NeedsLink },
        { "?code=abc&company=1234567_SB1", NeedsLink },
        { "?state=", NeedsLink },
        { "?error=access_denied", NeedsLink },
        { "?state=short", Unknown },
        { "?state=%00%01%02", Unknown },
        { "?state=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Unknown },
        { "?state=abc&company=..%2F..%2Fx", Unknown },
        { "?state=abc&role=99999999999999999999999999", Unknown },
        { "?state=a&state=b", NotValid },
        { "?code=1&code=2&state=abc", NotValid },
        { "?state=" + new string('s', 2049), NotValid },
        { "?state=abc&code=" + new string('c', 2049), NotValid },
        { "?state=abc&error_description=" + new string('d', 2049), NotValid },
    };

    /// <summary>Slack signature headers (timestamp offset from now in seconds, or a literal; signature kind) and the verdict.</summary>
    public static TheoryData<string?, string?, string, SlackSignatureCheck> SlackSignatures => new()
    {
        { null, "valid", "same", SlackSignatureCheck.MissingHeaders },
        { "now", null, "same", SlackSignatureCheck.MissingHeaders },
        { "", "valid", "same", SlackSignatureCheck.MissingHeaders },
        { "abc", "valid", "same", SlackSignatureCheck.MalformedTimestamp },
        { "-5", "valid", "same", SlackSignatureCheck.MalformedTimestamp },
        { "1e9", "valid", "same", SlackSignatureCheck.MalformedTimestamp },
        { "now-301", "valid", "same", SlackSignatureCheck.Stale },
        { "now+120", "valid", "same", SlackSignatureCheck.FromTheFuture },
        { "now", "valid", "tampered", SlackSignatureCheck.Mismatch },
        { "now", "wrong-secret", "same", SlackSignatureCheck.Mismatch },
        { "now", "v1=", "same", SlackSignatureCheck.Mismatch },
        { "now", "v0=", "same", SlackSignatureCheck.Mismatch },
        { "now", "truncated", "same", SlackSignatureCheck.Mismatch },
        { "now", "not-hex", "same", SlackSignatureCheck.Mismatch },
        { "now", "upper-case", "same", SlackSignatureCheck.Valid },
    };

    /// <summary>Configuration (key, value) and words the start-up failure must contain.</summary>
    public static TheoryData<string, string, string> Configuration => new()
    {
        { "NetSuite:ClientId", " ", "NetSuite:ClientId" },
        { "NetSuite:RedirectUri", "not a url", "NetSuite:RedirectUri" },
        { "NetSuite:Scopes", "everything", "NetSuite:Scopes" },
        { "NetSuite:CertificateValidityDays", "1000", "NetSuite:CertificateValidityDays" },
        { "NetSuite:CertificateValidityDays", "0", "NetSuite:CertificateValidityDays" },
        { "NetSuite:AssertionLifetime", "02:00:00", "NetSuite:AssertionLifetime" },
        { "NetSuite:MaxRetryAttempts", "99", "NetSuite:MaxRetryAttempts" },
        { "NetSuite:CertificateValidityDays", "many", "NetSuite:CertificateValidityDays" },
        { "NetSuite:MachineClientId", " ", "NetSuite:MachineClientId" },
        { "Onboarding:AdminAccessLifetime", "02:00:00", "Onboarding:AdminAccessLifetime" },
        { "Onboarding:ConfigurationRecordType", "customrecord_x; DROP", "Onboarding:ConfigurationRecordType" },
        { "Health:FailuresBeforeDown", "0", "Health:FailuresBeforeDown" },
        { "Health:ExpiryWarningDays", "30,abc", "Health:ExpiryWarningDays" },
        { "Slack:BotToken", "xoxp-user-token", "Slack:BotToken" },
        { "Slack:ApiBaseUrl", "ftp://slack.example/api", "Slack:ApiBaseUrl" },
        { "Slack:ClientId", "only-the-id", "Slack:ClientId and Slack:ClientSecret" },
        { "Inbox:WorkerConcurrency", "0", "Inbox:WorkerConcurrency" },
        { "Inbox:Lease", "00:00:01", "Inbox:Lease" },
        { "Bot:PublicBaseUrl", "localhost:3978", "Bot:PublicBaseUrl" },
        { "Bot:PublicBaseUrl", "https://bot.example/?x=1", "Bot:PublicBaseUrl" },
        { "MicrosoftAppType", "Everyone", "MicrosoftAppType" },
        { "MicrosoftAppType", "SingleTenant", "MicrosoftAppId" },
    };

    public const string Person = "29:user-pat";
    public const string Staff = "29:user-vic";

    private const string StaffOnly = "That command is for the vendor's staff";
    private const string Help = "What I can do";
    private const string NoSuchOnboarding = "That onboarding no longer exists";
    private const string NeedsLink = "This page needs the link from your chat";
    private const string Unknown = "We don't recognise this sign-in link";
    private const string NotValid = "This sign-in link is not valid";
}
