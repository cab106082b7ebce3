using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// Draws the one living card of an onboarding (UX.md): a checklist of the four steps heading it, the current step
/// expanded with what, why and at most three buttons, finished steps shrunk to their key fact, failures in three parts.
/// </summary>
public sealed class OnboardingCard(IOptions<OnboardingOptions> options, BundleInstallLink installLink, OnboardingChecklist checklist, TimeProvider timeProvider)
{
    private OnboardingOptions Options => options.Value;

    public StepView Build(OnboardingSnapshot snapshot)
    {
        var session = snapshot.Session;
        var now = timeProvider.GetUtcNow();
        var phase = PhaseOf(session.Step);
        var (heading, body, facts, actions, footnote, tone) = session.Status switch
        {
            SessionStatus.Completed => Completed(snapshot, now),
            SessionStatus.Cancelled => Cancelled(session, now),
            SessionStatus.Failed or SessionStatus.FailedPermanently => Failed(snapshot, phase, now),
            _ => Current(snapshot, phase, now),
        };

        return new StepView(Title(snapshot), $"{heading} — {body.FirstOrDefault() ?? string.Empty}".TrimEnd(' ', '—'), tone)
        {
            Subtitle = Subtitle(session, now),
            Checklist = checklist.Build(snapshot, phase, now),
            Heading = heading,
            Body = body,
            Facts = facts,
            Actions = actions,
            Footnote = footnote,
        };
    }

    /// <summary>
    /// The four phases of the flow: 1 admin access (sign-in and the pre-flight right after it), 2 bundle, 3 machine access,
    /// 4 finishing; 5 = all done.
    /// </summary>
    public static int PhaseOf(OnboardingStep step) => step switch
    {
        OnboardingStep.Started or OnboardingStep.AwaitingAuthorization or OnboardingStep.Authorized => 1,
        OnboardingStep.AwaitingBundle => 2,
        OnboardingStep.BundleVerified or OnboardingStep.EstablishingMachineAccess => 3,
        OnboardingStep.MachineAccessVerified or OnboardingStep.PostInstall => 4,
        _ => 5,
    };

    private string Title(OnboardingSnapshot snapshot)
    {
        var name = snapshot.Tenant?.CompanyName is { Length: > 0 } company
            ? $"{company} ({snapshot.Session.Account})"
            : snapshot.Session.AccountText;
        return snapshot.Session.Status switch
        {
            SessionStatus.Completed => $"{name ?? "Your NetSuite account"} is connected 🎉",
            SessionStatus.Cancelled => $"Onboarding of {name ?? "your NetSuite account"} cancelled",
            _ => name is null ? "Connect NetSuite — your account" : snapshot.Session.Reconnect ? $"Connect NetSuite {name} again" : $"Connect NetSuite {name}",
        };
    }

    private static string? Subtitle(OnboardingSession session, DateTimeOffset now)
    {
        if (!session.SharedConversation)
        {
            return null;
        }

        var started = $"Started by {session.StartedBy.Name} {TimeWording.Around(session.CreatedAt, now)}";
        return session.AuthorizedByName is { } by ? $"{started} · authorized by {by}" : started;
    }

    private Parts Current(OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var app = Options.AppName;
        var lasts = Lasts(Options.AdminAccessLifetime);
        switch (phase)
        {
            case 1 when session.Step == OnboardingStep.Authorized:
                return Running(
                    session,
                    now,
                    "Step 1 of 4 — checking what the role you chose can do",
                    "Before anything changes in NetSuite, the app checks the role can look up roles, read employees, manage certificates and call the bundle's RESTlet.");
            case 1:
                var link = snapshot.Link;
                return new Parts(
                    $"Step 1 of 4 — give {app} admin access for {lasts}",
                    [
                        $"We use it only to install the connection below. It is revoked as soon as setup finishes, at the latest in {lasts}.",
                    ],
                    [
                        new Fact("Role", "Administrator (choose it at sign-in)"),
                        new Fact("Lasts", lasts),
                        new Fact("Scopes", "REST web services, RESTlets"),
                    ],
                    [
                        link is null
                            ? Submit("Get a sign-in link", OnboardingVerbs.Retry, session, ActionStyle.Primary)
                            : new OpenUrlAction("Authorize in NetSuite", link.Url),
                        Submit("Cancel", OnboardingVerbs.CancelSession, session),
                    ],
                    link is null
                        ? "The last sign-in link expired or was used; get a fresh one."
                        : $"This link works once and expires {TimeWording.Around(link.ExpiresAt, now)}.",
                    Tone.Neutral);
            case 2 when session.Status == SessionStatus.Running && session.IsBusy(now):
                return new Parts(
                    $"Step 2 of 4 — checking that {Options.BundleName} is installed…",
                    ["Asking NetSuite whether the bundle is installed. Steps 3 and 4 follow on their own."],
                    [],
                    [Submit("Cancel", OnboardingVerbs.CancelSession, session)],
                    null,
                    Tone.Neutral);
            case 2:
                return new Parts(
                    $"Step 2 of 4 — install {Options.BundleName} {Options.BundleVersion}, the only manual step (about 2 minutes)",
                    [
                        "Open the install page, click Install in NetSuite, then come back here and press I've installed it.",
                    ],
                    [new Fact("Bundle", $"{Options.BundleName} (id {Options.BundleId})")],
                    BundleActions(session),
                    null,
                    Tone.Neutral);
            case 3:
                return Running(
                    session,
                    now,
                    "Step 3 of 4 — setting up the long-term connection",
                    $"{app} now connects as its own least-privilege role; no password or admin access is kept.");
            default:
                return Running(session, now, "Step 4 of 4 — finishing setup", "Running the last setup routines with the new connection.");
        }
    }

    private Parts Running(OnboardingSession session, DateTimeOffset now, string heading, string body)
    {
        // A running step whose lease ran out was interrupted (a restart); offer to pick it up again.
        var stalled = session.Status == SessionStatus.Running && !session.IsBusy(now);
        IReadOnlyList<ViewAction> actions = stalled
            ? [Submit("Retry", OnboardingVerbs.Retry, session, ActionStyle.Primary), Submit("Cancel", OnboardingVerbs.CancelSession, session)]
            : [Submit("Cancel", OnboardingVerbs.CancelSession, session)];
        return new Parts(heading, stalled ? [body, "This step was interrupted. Press Retry to continue where it stopped."] : [body], [], actions, null, Tone.Neutral);
    }

    private Parts Failed(OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var failure = session.Failure ?? new StepFailure("unknown", "Something went wrong.", "Press Retry.");
        if (session.Status == SessionStatus.FailedPermanently)
        {
            return new Parts(
                $"Couldn't {WhatFailed(phase)}",
                [failure.Reason, failure.ToDo, .. AdminAccessOutcome(session, now)],
                [],
                [RestartAfter(session, failure)],
                failure.Said,
                Tone.Attention);
        }

        if (failure.Code == FlowCodes.BundleNotInstalled)
        {
            return new Parts(
                $"Step 2 of 4 — install {Options.BundleName} {Options.BundleVersion}",
                [failure.Reason, failure.ToDo],
                [new Fact("Bundle", $"{Options.BundleName} (id {Options.BundleId})")],
                BundleActions(session),
                failure.Said,
                Tone.Warning);
        }

        var retryLabel = session.NeedsNewSignIn ? "Sign in again" : "Retry";
        IReadOnlyList<ViewAction> actions = failure.Code switch
        {
            FlowCodes.MachineTokenRefused =>
                [Submit("Retry", OnboardingVerbs.Retry, session, ActionStyle.Primary), Submit("Replace certificate", OnboardingVerbs.ReplaceCertificate, session), Submit("Cancel", OnboardingVerbs.CancelSession, session)],
            FlowCodes.PreflightFailed =>
                [Submit("Sign in again", OnboardingVerbs.SignInAgain, session, ActionStyle.Primary), Submit("Retry", OnboardingVerbs.Retry, session), Submit("Cancel", OnboardingVerbs.CancelSession, session)],
            _ => [Submit(retryLabel, OnboardingVerbs.Retry, session, ActionStyle.Primary), Submit("Cancel", OnboardingVerbs.CancelSession, session)],
        };
        return new Parts(
            failure.Code == FlowCodes.PreflightFailed ? "Step 1 of 4 — the role you chose can't finish the setup" : $"Couldn't {WhatFailed(phase)}",
            [failure.Reason, failure.ToDo],
            [],
            actions,
            failure.Said,
            Tone.Attention);
    }

    private Parts Completed(OnboardingSnapshot snapshot, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var key = snapshot.Key;
        var facts = new List<Fact>
        {
            new("Connection", $"machine-to-machine, role {session.AppRoleName ?? Options.RoleScriptId} (id {session.AppRoleId})"),
        };
        if (key?.NetSuiteCertificateId is { } certificateId)
        {
            facts.Add(new Fact("Certificate", $"{certificateId} ({key.Algorithm.Display()}), renews automatically before {TimeWording.Date(key.ValidUntil)}"));
        }

        if (MappedTo(session) is { } person)
        {
            facts.Add(new Fact("Acts as", person));
        }

        facts.Add(new Fact("Health monitoring", "on"));
        if (session.AdminAccessEndedAt is { } ended)
        {
            facts.Add(new Fact("Admin access", $"revoked at {TimeWording.Absolute(ended, now)}"));
        }
        else if (session.AdminAccessUntil is { } until)
        {
            facts.Add(new Fact("Admin access", $"revocation not confirmed by NetSuite — the app erased its copy; it expires {TimeWording.Absolute(until, now)}"));
        }

        return new Parts(
            "All four steps are done",
            [$"{Options.AppName} now reaches NetSuite with its own certificate and least-privilege role. No admin access is kept."],
            facts,
            [
                new SubmitAction("View status", OnboardingVerbs.Status, AccountData(session), ActionStyle.Primary),
                new SubmitAction("Set up alerts", OnboardingVerbs.Alerts, new Dictionary<string, string> { [OnboardingVerbs.ModeKey] = "here" }),
            ],
            null,
            Tone.Good);
    }

    private static Parts Cancelled(OnboardingSession session, DateTimeOffset now) => new(
        "Onboarding cancelled",
        [string.Join(' ', ["Nothing more will happen in NetSuite.", .. AdminAccessOutcome(session, now)])],
        [],
        [Restart(session)],
        null,
        Tone.Neutral);

    /// <summary>
    /// What a finished onboarding's card says about the admin access: that it was revoked only when NetSuite confirmed it,
    /// nothing when none was given — a card never states what did not happen.
    /// </summary>
    private static IEnumerable<string> AdminAccessOutcome(OnboardingSession session, DateTimeOffset now)
    {
        if (session.AuthorizedAt is null)
        {
            yield break;
        }

        yield return (session.AdminAccessEndedAt, session.AdminAccessUntil) switch
        {
            (not null, _) => "Admin access given for this onboarding has been revoked.",
            (null, { } until) => $"NetSuite did not confirm that the admin access was revoked; the app erased its copy, and it expires {TimeWording.Absolute(until, now)}.",
            _ => "NetSuite did not confirm that the admin access was revoked; the app erased its copy.",
        };
    }

    private IReadOnlyList<ViewAction> BundleActions(OnboardingSession session) =>
    [
        new OpenUrlAction("Open install page", installLink.For(session.Account!.Value)),
        Submit("I've installed it", OnboardingVerbs.BundleCheck, session, ActionStyle.Primary),
        Submit("Cancel", OnboardingVerbs.CancelSession, session),
    ];

    // "1 hour", or "30 min" when the vendor shortened Onboarding:AdminAccessLifetime.
    private static string Lasts(TimeSpan lifetime) => lifetime >= TimeSpan.FromHours(1) ? "1 hour" : $"{(int)lifetime.TotalMinutes} min";

    private static string WhatFailed(int phase) => phase switch
    {
        1 => "get temporary admin access",
        2 => "confirm the bundle",
        3 => "set up the long-term connection",
        _ => "finish setup",
    };

    private static SubmitAction Submit(string label, string verb, OnboardingSession session, ActionStyle style = ActionStyle.Default) =>
        new(label, verb, new Dictionary<string, string> { [OnboardingVerbs.SessionKey] = session.Id.Value }, style);

    private static SubmitAction Restart(OnboardingSession session) =>
        new("Start again", OnboardingVerbs.Onboard, AccountData(session), ActionStyle.Primary);

    /// <summary>
    /// After a failure for good. When the account picked at sign-in is connected or being onboarded elsewhere, starting
    /// again with it leads to the same answer, so the way on is another account.
    /// </summary>
    private static SubmitAction RestartAfter(OnboardingSession session, StepFailure failure) =>
        failure.Code is FlowCodes.AlreadyConnected or FlowCodes.AccountBusy
            ? new("Onboard another account", OnboardingVerbs.Onboard, new Dictionary<string, string>(), ActionStyle.Primary)
            : Restart(session);

    /// <summary>The employee the certificate acts as: by name when it is the admin who authorized (the default mapping).</summary>
    private static string? MappedTo(OnboardingSession session) => session.MappedEntityId switch
    {
        null => null,
        { } entity when entity == session.AuthorizedEntityId && session.AuthorizedByName is { Length: > 0 } name => $"{name} (employee {entity})",
        { } entity => $"employee {entity}",
    };

    private static Dictionary<string, string> AccountData(OnboardingSession session) =>
        session.AccountText is { } account ? new() { [OnboardingVerbs.AccountKey] = account } : [];

    private sealed record Parts(
        string Heading,
        IReadOnlyList<string> Body,
        IReadOnlyList<Fact> Facts,
        IReadOnlyList<ViewAction> Actions,
        string? Footnote,
        Tone Tone);
}
