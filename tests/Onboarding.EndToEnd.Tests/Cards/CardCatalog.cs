using System.Reflection;
using Microsoft.Extensions.Options;
using Onboarding.Engine.Conversations;
using Onboarding.Engine.Health;
using Onboarding.Engine.Keys;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Onboarding;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Operations;
using Onboarding.Engine.Storage;
using Onboarding.Engine.Views;
using Onboarding.Tests.Shared;

namespace Onboarding.EndToEnd.Tests.Cards;

/// <summary>
/// Every view the bot can show, built by the engine's own view classes from the running host's services: help, welcome,
/// the onboarding card at every step and status (with every failure cause), the notices, the replies, the status board,
/// and the health monitor's alert and certificate cards.
/// </summary>
internal sealed class CardCatalog(IServiceProvider services, Wording w)
{
    private static readonly AccountId Account = AccountId.Parse("1234567_SB1");

    private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A time zone per shipped language, so zone names are shown too (English readers get UTC).</summary>
    private static readonly Dictionary<string, string?> Zones = new() { ["en"] = null, ["de"] = "Europe/Berlin", ["fr"] = "America/Montreal" };

    /// <summary>The catalog in every shipped language, each name ending in its language ("help.de").</summary>
    public static async Task<IReadOnlyList<(string Name, StepView View)>> InEveryLanguageAsync(IServiceProvider services)
    {
        var all = new List<(string, StepView)>();
        foreach (var language in Languages.All)
        {
            var views = await new CardCatalog(services, Wording.For(language.Name, Zones[language.Name])).BuildAsync();
            all.AddRange(views.Select(v => ($"{v.Name}.{language.Name}", v.View with { Language = language.Name })));
        }

        return all;
    }

    public async Task<IReadOnlyList<(string Name, StepView View)>> BuildAsync()
    {
        var views = new List<(string, StepView)>
        {
            ("help", HelpView.Create(w)),
            ("welcome", WelcomeView.Create(w, "Onboarding App")),
            ("how-it-works", HowItWorksView.Create(w, "Onboarding App")),
        };
        views.AddRange(OnboardingCards());
        views.AddRange(Notices());
        views.AddRange(Replies());
        views.AddRange(await StatusBoardsAsync());
        views.AddRange(AlertCards.Build(w, services.GetRequiredService<IOptions<HealthOptions>>().Value, Now));
        views.Add(("oversized", Oversized()));
        views.AddRange(Hostile());
        return views;
    }

    private IEnumerable<(string, StepView)> OnboardingCards()
    {
        foreach (var step in Enum.GetValues<OnboardingStep>())
        {
            foreach (var status in Enum.GetValues<SessionStatus>())
            {
                yield return ($"onboarding-{step}-{status}", CardOf(Snapshot(Session(step, status))));
            }

            yield return ($"onboarding-{step}-Running-stalled", CardOf(Snapshot(Session(step, SessionStatus.Running) with { LeaseUntil = Now.AddMinutes(-1) })));
            yield return ($"onboarding-{step}-Waiting-shared", CardOf(Snapshot(Session(step, SessionStatus.Waiting) with { SharedConversation = true })));
        }

        yield return ("onboarding-AwaitingAuthorization-no-account", CardOf(new OnboardingSnapshot(
            Session(OnboardingStep.AwaitingAuthorization, SessionStatus.Waiting) with { Account = null, AccountExpected = false }, null, null, [], Link())));
        yield return ("onboarding-AwaitingAuthorization-link-used", CardOf(new OnboardingSnapshot(
            Session(OnboardingStep.AwaitingAuthorization, SessionStatus.Waiting), null, null, [], null)));

        foreach (var (code, failure) in Failures())
        {
            foreach (var step in new[] { OnboardingStep.AwaitingAuthorization, OnboardingStep.AwaitingBundle, OnboardingStep.EstablishingMachineAccess, OnboardingStep.PostInstall })
            {
                yield return ($"failed-{code}-{step}", CardOf(Snapshot(Session(step, SessionStatus.Failed) with { Failure = failure })));
            }

            yield return ($"failed-for-good-{code}", CardOf(Snapshot(Session(OnboardingStep.EstablishingMachineAccess, SessionStatus.FailedPermanently) with { Failure = failure })));
        }
    }

    private IEnumerable<(string, StepView)> Notices()
    {
        var notices = services.GetRequiredService<OnboardingNotices>();
        var session = Session(OnboardingStep.AwaitingBundle, SessionStatus.Waiting);
        yield return ("notice-authorization-received", notices.AuthorizationReceived(w, session));
        yield return ("notice-completed", notices.Completed(w, Session(OnboardingStep.Completed, SessionStatus.Completed), Tenant()));
        yield return ("notice-completed-unknown-company", notices.Completed(w, Session(OnboardingStep.Completed, SessionStatus.Completed), null));
    }

    private IEnumerable<(string, StepView)> Replies()
    {
        var tenant = Tenant();
        yield return ("reply-notice", ReplyViews.Notice(w, "A notice", "Something to know."));
        yield return ("reply-staff-only", ReplyViews.StaffOnly(w, "rotate"));
        yield return ("reply-invalid-account", ReplyViews.InvalidAccount(w, Phrase.Verbatim("'12 34' is not a NetSuite account id: use the id from the NetSuite address, e.g. 1234567_SB1.")));
        yield return ("reply-not-yours", ReplyViews.NotYours(w));
        yield return ("reply-unknown-session", ReplyViews.UnknownSession(w));
        yield return ("reply-already-onboarding", ReplyViews.AlreadyOnboarding(w, Account, Session(OnboardingStep.AwaitingBundle, SessionStatus.Waiting), canCancel: true));
        yield return ("reply-already-onboarding-elsewhere", ReplyViews.AlreadyOnboardingElsewhere(w, Account));
        yield return ("reply-not-your-onboarding", ReplyViews.NotYourOnboarding(w, Session(OnboardingStep.AwaitingAuthorization, SessionStatus.Waiting)));
        yield return ("reply-cancelled-elsewhere", ReplyViews.CancelledElsewhere(w, Session(OnboardingStep.AwaitingBundle, SessionStatus.Cancelled)));
        yield return ("reply-already-connected", ReplyViews.AlreadyConnected(w, tenant));
        yield return ("reply-confirm-offboard", ReplyViews.ConfirmOffboard(w, tenant, new Dictionary<string, string> { ["confirmation"] = "c-1" }));
        yield return ("reply-offboarding", ReplyViews.Offboarding(w, Account, new ChatUser("u-1", "Vic")));
        yield return ("reply-offboarding-kept", ReplyViews.OffboardingKept(w, Account, new ChatUser("u-1", "Vic")));
        yield return ("reply-offboarded", ReplyViews.Offboarded(w, new OffboardingOutcome(Account, ["cert-1"], [])));
        yield return ("operations-audit-trail", OperationsViews.AuditTrail(
            w,
            Account,
            [new AuditRecord(2, DateTimeOffset.UnixEpoch.AddDays(2), new AuditEntry("health-monitor", Account.Value, "key.signed-assertion", "issued", "certificate cert-1, client credentials")),
             new AuditRecord(1, DateTimeOffset.UnixEpoch.AddDays(1), new AuditEntry("aad-user", Account.Value, "admin-token.used", "ok", "session s-1, bundle check"))],
            new AuditVerification(true, 2, 0, null, null)));
        yield return ("operations-audit-trail-empty", OperationsViews.AuditTrail(w, Account, [], new AuditVerification(true, 0, 0, null, null)));
        yield return ("operations-confirm-erase", OperationsViews.ConfirmErase(w, Account));
        yield return ("operations-nothing-to-erase", OperationsViews.NothingToErase(w, Account));
        yield return ("operations-erased", OperationsViews.Erased(w, new ErasureOutcome(Account, ["cert-1"], [], 1, new Dictionary<string, int> { ["tenants"] = 1 })));
        yield return ("operations-erased-not-revoked", OperationsViews.Erased(w, new ErasureOutcome(Account, [],
            [("cert-2", new NetSuiteError(NetSuiteErrorKind.PermissionMissing, Phrase.Verbatim("The role may not manage certificates."), 403, "INSUFFICIENT_PERMISSION"))], 0, new Dictionary<string, int> { ["tenants"] = 1 })));
        yield return ("reply-offboarded-not-revoked", ReplyViews.Offboarded(w, new OffboardingOutcome(Account, [],
            [("cert-2", new NetSuiteError(NetSuiteErrorKind.PermissionMissing, Phrase.Verbatim("The role may not manage certificates."), 403, "INSUFFICIENT_PERMISSION"))])));
    }

    private StepView CardOf(OnboardingSnapshot snapshot) => services.GetRequiredService<OnboardingCard>().Build(snapshot, w);

    private async Task<IEnumerable<(string, StepView)>> StatusBoardsAsync()
    {
        var board = services.GetRequiredService<StatusBoard>();
        var sessions = Enum.GetValues<OnboardingStep>()
            .SelectMany(step => Enum.GetValues<SessionStatus>().Select(status => Session(step, status)))
            .ToList();
        async Task<StepView> BoardAsync(Phrase title, IReadOnlyList<OnboardingSession> shown) =>
            board.Build(w, title, shown, await board.ReadAsync(shown, CancellationToken.None));
        return
        [
            ("status-empty", await BoardAsync(Phrase.Of(nameof(Texts.Status_InThisConversation)), [])),
            ("status-one", await BoardAsync(Phrase.Of(nameof(Texts.Status_OfAccount), "1234567_SB1"), [sessions[0]])),
            ("status-many", await BoardAsync(Phrase.Of(nameof(Texts.Status_OfEveryTenant)), sessions)),
        ];
    }

    /// <summary>
    /// Outside text where it really arrives — a crafted callback's error in a failure, a display name in the subtitle, a
    /// company name in the title and facts — and every hostile case in every place a view has text.
    /// </summary>
    private IEnumerable<(string, StepView)> Hostile()
    {
        var link = HostileText.MarkdownLink;
        var failed = Session(OnboardingStep.AwaitingAuthorization, SessionStatus.Failed) with
        {
            Failure = new StepFailure(FlowCodes.AuthorizationDenied, Phrase.Verbatim($"NetSuite refused the sign-in: {link}."), Phrase.Verbatim("Press Sign in again."), "server_error"),
            StartedBy = new ChatUser("user-mallory", link),
            SharedConversation = true,
        };
        yield return ("hostile-callback-error", CardOf(new OnboardingSnapshot(failed, null, null, [], null)));
        var completed = Session(OnboardingStep.Completed, SessionStatus.Completed) with { AuthorizedByName = link, AppRoleName = link };
        yield return ("hostile-company-name", CardOf(new OnboardingSnapshot(completed, Tenant() with { CompanyName = link }, Key(uploaded: true), [], null)));
        foreach (var (name, text) in HostileText.Cases)
        {
            yield return ($"hostile-{name.Replace(' ', '-')}", HostileText.Everywhere(text));
        }
    }

    /// <summary>A view far over the card size limit: the renderer must still produce a valid (shortened) card.</summary>
    private static StepView Oversized() => new("A very long card", "Too much to show.")
    {
        Body = [.. Enumerable.Range(1, 400).Select(i => $"Paragraph {i}: " + new string('x', 120))],
    };

    /// <summary>Every failure cause a card can show: each NetSuite error kind and each flow code.</summary>
    private static IEnumerable<(string Code, StepFailure Failure)> Failures()
    {
        foreach (var kind in Enum.GetValues<NetSuiteErrorKind>())
        {
            yield return (kind.ToString(), StepFailure.From(new NetSuiteError(kind, Phrase.Verbatim($"NetSuite refused the call ({kind})."), 400, "SOME_CODE", "detail")));
        }

        foreach (var field in typeof(FlowCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            var code = (string)field.GetRawConstantValue()!;
            yield return (code, new StepFailure(code, Phrase.Verbatim($"The step stopped: {code}."), Phrase.Verbatim("Press Retry."), "*bold* _maybe_ `code`"));
        }
    }

    private OnboardingSnapshot Snapshot(OnboardingSession session)
    {
        var phase = OnboardingCard.PhaseOf(session.Step);
        var routines = services.GetServices<IPostInstallRoutine>().Select((r, i) => new RoutineRun(
            r.Name,
            session.Status == SessionStatus.Completed || i == 0 ? RoutineState.Done : i == 1 ? RoutineState.Running : RoutineState.Pending,
            i == 0 ? Phrase.Verbatim("Prerequisites OK") : null,
            null)).ToList();
        return new OnboardingSnapshot(
            session,
            phase >= 3 ? Tenant() : null,
            phase >= 3 ? Key(uploaded: phase >= 4) : null,
            phase >= 4 ? routines : [],
            phase == 1 ? Link() : null);
    }

    private OnboardingSession Session(OnboardingStep step, SessionStatus status)
    {
        var phase = OnboardingCard.PhaseOf(step);
        var finished = status is SessionStatus.Completed or SessionStatus.Cancelled or SessionStatus.FailedPermanently;
        return new OnboardingSession
        {
            Id = SessionId.New(),
            Conversation = new ConversationKey("msteams", "tenant-1", "conversation-1"),
            Account = Account,
            AccountExpected = true,
            StartedBy = new ChatUser("user-1", "Pat Admin"),
            Step = step,
            Status = status,
            Version = 1,
            LeaseUntil = status == SessionStatus.Running ? Now.AddMinutes(1) : null,
            Failure = status is SessionStatus.Failed or SessionStatus.FailedPermanently
                ? new StepFailure(nameof(NetSuiteErrorKind.Unavailable), Phrase.Verbatim("NetSuite did not answer."), Phrase.Verbatim("Press Retry in a minute."), "503")
                : null,
            AuthorizedRoleId = phase >= 2 ? 3 : null,
            AuthorizedEntityId = phase >= 2 ? 7 : null,
            AuthorizedAt = phase >= 2 ? Now.AddMinutes(-5) : null,
            AuthorizedByName = phase >= 2 ? "Pat Admin" : null,
            AdminAccessUntil = phase >= 2 ? Now.AddMinutes(55) : null,
            AdminAccessEndedAt = finished && phase >= 2 ? Now : null,
            BundleVersion = phase >= 3 ? "1.0.0" : null,
            AppRoleId = phase >= 3 ? 1001 : null,
            AppRoleName = phase >= 3 ? "Onboarding App Integration" : null,
            MappedEntityId = phase >= 3 ? 7 : null,
            ConnectionTestMilliseconds = phase >= 4 ? 42 : null,
            CreatedAt = Now.AddMinutes(-10),
            UpdatedAt = Now,
            FinishedAt = finished ? Now : null,
        };
    }

    private static Tenant Tenant() => new(Account, TenantStatus.Connected) { CompanyName = "Demo *Company* (Sandbox)", AppRoleId = 1001, EntityId = 7 };

    private TenantKey Key(bool uploaded) => new(
        "key-1", Account, KeyAlgorithm.EcP256, "thumbprint", uploaded ? "w6iUbjOC78514XBIZLOAc0Sff" : null,
        1001, 7, Now, Now.AddYears(2), uploaded ? TenantKeyStatus.Active : TenantKeyStatus.Pending, Now);

    private AuthorizeLink Link() => new(new Uri("http://127.0.0.1:3978/1234567-sb1/app/login/oauth2/authorize.nl?state=s"), Now.AddMinutes(10));
}
