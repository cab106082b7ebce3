using Onboarding.Engine.Conversations;
using Onboarding.Engine.Language;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Health;

/// <summary>Cards about a tenant's certificate: expiry warnings, renewals, and the confirmation before rotating on demand.</summary>
public static class CertificateViews
{
    /// <summary>The warning before expiry while automatic renewal is expected to work.</summary>
    public static StepView RenewsAutomatically(Wording wording, MonitoredTenant tenant, DateTimeOffset expiresAt, DateTimeOffset renewsOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        var w = wording.ForTenant(tenant.TimeZone);
        var title = w.Say(nameof(Certificate_RenewsTitle), tenant.DisplayName, w.Date(renewsOn));
        return new StepView(title, w.Say(nameof(Certificate_RenewsSummary), title, w.Date(expiresAt), w.Duration(expiresAt - now)))
        {
            Facts =
            [
                new(w.Say(nameof(Certificate_Expires)), w.Say(nameof(Certificate_ExpiresValue), w.Date(expiresAt), w.Duration(expiresAt - now))),
                new(w.Say(nameof(Certificate_Renewal)), w.Say(nameof(Certificate_RenewalValue), w.Date(renewsOn))),
            ],
        };
    }

    /// <summary>The warning when the app's role cannot renew by itself: an admin re-authorizes for an hour and the app does the rest.</summary>
    public static StepView NeedsReauthorization(Wording wording, MonitoredTenant tenant, DateTimeOffset expiresAt, DateTimeOffset now, NetSuiteError? error)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        var w = wording.ForTenant(tenant.TimeZone);
        var title = w.Say(nameof(Certificate_NeedsTitle), tenant.DisplayName, w.Date(expiresAt));
        return new StepView(title, w.Say(nameof(Certificate_NeedsSummary), title), Tone.Warning)
        {
            Body = [w.Say(nameof(Certificate_NeedsWhy)), w.Say(nameof(Certificate_NeedsHow))],
            Facts = [new(w.Say(nameof(Certificate_Expires)), w.Say(nameof(Certificate_ExpiresValue), w.Date(expiresAt), w.Duration(expiresAt - now)))],
            Actions = [new SubmitAction(w.Say(nameof(Button_Reauthorize)), HealthVerbs.Reauthorize, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            Footnote = w.NetSuiteSaid(error?.Said),
        };
    }

    /// <summary>A renewal or rotation that worked.</summary>
    public static StepView Rotated(Wording wording, MonitoredTenant tenant, RotationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(outcome);
        var w = wording.ForTenant(tenant.TimeZone);
        var title = w.Say(nameof(Certificate_RotatedTitle), tenant.DisplayName);
        var old = outcome.OldCertificateId is not { } oldId ? w.Say(nameof(Certificate_None))
            : outcome.OldRevoked ? w.Say(nameof(Certificate_OldRevoked), oldId)
            : w.Say(nameof(Certificate_OldNotRevoked), oldId);
        return new StepView(title, outcome.OldRevoked ? w.Say(nameof(Certificate_RotatedSummary), title) : w.Say(nameof(Certificate_Sentence), title), Tone.Good)
        {
            Facts =
            [
                new(w.Say(nameof(Card_FactCertificate)), outcome.NewCertificateId ?? "?"),
                new(w.Say(nameof(Fact_ValidUntil)), outcome.ValidUntil is { } until ? w.Date(until) : "?"),
                new(w.Say(nameof(Certificate_Old)), old),
            ],
        };
    }

    /// <summary>
    /// A rotation that stopped, in the three parts of every failure: which account and what stopped, why, and what to do —
    /// with the button that does it.
    /// </summary>
    public static StepView RotationFailed(Wording wording, MonitoredTenant tenant, RotationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(outcome);
        var w = wording.ForTenant(tenant.TimeZone);
        var title = w.Say(nameof(Certificate_RotationFailedTitle), tenant.DisplayName);
        var stage = w.Say(StageOf(outcome.Stage));
        var explanation = w.Say(outcome.Error?.Explanation ?? Phrase.Of(nameof(Reauthorization_Refused)));
        var (reason, toDo) = outcome.Status switch
        {
            RotationStatus.AlreadyRunning => (w.Say(nameof(Certificate_AlreadyRunning)), w.Say(nameof(Certificate_AlreadyRunningToDo))),
            RotationStatus.NoTenantKey => (w.Say(nameof(Certificate_NoKey)), w.Say(nameof(Certificate_NoKeyToDo))),
            RotationStatus.NeedsReauthorization => (w.Say(nameof(Certificate_NeedsMore), stage, explanation), w.Say(nameof(Certificate_NeedsMoreToDo))),
            _ when outcome.OldKeptActive => (
                w.Say(nameof(Certificate_FailedKept), stage, outcome.OldCertificateId, outcome.Error is { } error ? w.Say(error.Explanation) : string.Empty).TrimEnd(),
                w.Say(nameof(Certificate_TryAgainToDo))),
            _ => (w.Say(nameof(Reauthorization_StageFailed), stage, explanation), w.Say(nameof(Certificate_TryAgainToDo))),
        };
        List<ViewAction> actions = outcome.Status switch
        {
            RotationStatus.NeedsReauthorization => [new SubmitAction(w.Say(nameof(Button_Reauthorize)), HealthVerbs.Reauthorize, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            RotationStatus.Failed => [new SubmitAction(w.Say(nameof(Button_TryAgain)), ChatVerbs.Rotate, AlertViews.Data(tenant.Account), ActionStyle.Primary)],
            _ => [],
        };
        return new StepView(title, $"{w.Say(nameof(Certificate_Sentence), title)} {reason} {toDo}", Tone.Attention)
        {
            Body = [reason, toDo],
            Actions = actions,
            Footnote = w.NetSuiteSaid(outcome.Error?.Said),
        };
    }

    /// <summary>A rotation's stage as the first words of a sentence: "Uploading the new certificate".</summary>
    internal static Phrase StageOf(string? stage) => Phrase.Of(stage switch
    {
        "token" => nameof(Rotation_StageToken),
        "list" => nameof(Rotation_StageList),
        "plan" => nameof(Rotation_StagePlan),
        "upload" => nameof(Rotation_StageUpload),
        "prove" => nameof(Rotation_StageProve),
        "revoke-old" => nameof(Rotation_StageRevokeOld),
        _ => nameof(Rotation_StageOther),
    });

    /// <summary>The second card before a rotation on demand; <paramref name="question"/> is the confirmation data both buttons carry.</summary>
    public static StepView ConfirmRotation(Wording w, MonitoredTenant tenant, IReadOnlyDictionary<string, string> question)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tenant);
        var data = ConfirmationCards.With(AlertViews.Data(tenant.Account), question);
        var title = w.Say(nameof(Certificate_ConfirmTitle), tenant.DisplayName);
        return new StepView(title, w.Say(nameof(Certificate_ConfirmSummary), title), Tone.Warning)
        {
            Body = [w.Say(nameof(Certificate_ConfirmHow)), w.Say(nameof(Certificate_ConfirmKeepsWorking))],
            Actions =
            [
                new SubmitAction(w.Say(nameof(Button_RotateCertificate)), HealthVerbs.RotateConfirmed, data, ActionStyle.Destructive),
                new SubmitAction(w.Say(nameof(Button_Keep)), HealthVerbs.RotateKept, data),
            ],
        };
    }

    /// <summary>In place of the question while the rotation runs.</summary>
    public static StepView Rotating(Wording w, MonitoredTenant tenant, ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(by);
        return new StepView(w.Say(nameof(Certificate_RotatingTitle), tenant.DisplayName), w.Say(nameof(Certificate_RotatingSummary), tenant.DisplayName))
        {
            Body = [w.Say(nameof(Certificate_RotatingBody), by.Name)],
        };
    }

    /// <summary>In place of the question when Keep was pressed.</summary>
    public static StepView RotationKept(Wording w, MonitoredTenant tenant, ChatUser by)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(by);
        return new StepView(w.Say(nameof(Certificate_KeptTitle), tenant.DisplayName), w.Say(nameof(Reply_NothingChanged)), Tone.Good)
        {
            Body = [w.Say(nameof(Reply_ChoseToKeep), by.Name)],
        };
    }
}
