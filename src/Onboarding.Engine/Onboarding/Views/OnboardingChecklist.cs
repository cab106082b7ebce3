using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Language;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Views;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// The checklist heading an onboarding card: the four steps with their states and key facts, step 3's sub-steps while
/// it runs, and one line per post-install routine with its result from step 4 on — both one level in, under their step.
/// Once everything is done the ids worth keeping are in the card's facts, not repeated in the checklist.
/// </summary>
public sealed class OnboardingChecklist(IOptions<OnboardingOptions> options, IEnumerable<IPostInstallRoutine> routines)
{
    private readonly Dictionary<string, Phrase> _routineLabels =
        routines.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Label, StringComparer.OrdinalIgnoreCase);

    private OnboardingOptions Options => options.Value;

    public List<ChecklistItem> Build(Wording w, OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(snapshot);
        var session = snapshot.Session;
        var items = new List<ChecklistItem>
        {
            new(w.Say(nameof(Checklist_AdminAccess)), StateOf(1, phase, session.Status), AdminAccessDetail(w, session, now)),
            new(w.Say(nameof(Checklist_Install), Options.BundleName, Options.BundleVersion), StateOf(2, phase, session.Status), session.BundleVersion is { } v ? w.Say(nameof(Checklist_VersionFound), v) : null),
            new(w.Say(nameof(Checklist_Connection)), StateOf(3, phase, session.Status), phase > 3 ? CertificateDetail(w, snapshot.Key, withId: session.Status != SessionStatus.Completed) : null),
        };
        if (phase == 3)
        {
            items.AddRange(MachineAccessLines(w, snapshot).Select(SubStep));
        }

        items.Add(new(w.Say(nameof(Checklist_Finishing)), StateOf(4, phase, session.Status), null));
        if (phase >= 4)
        {
            items.AddRange(snapshot.Routines.Select(r => SubStep(new ChecklistItem(w.Say(LabelOf(r.Routine)), StateOf(r.State, session.Status), w.SayIfAny(r.Summary)))));
        }

        return items;
    }

    private static ChecklistItem SubStep(ChecklistItem item) => item with { Level = 1 };

    private static ChecklistState StateOf(int item, int phase, SessionStatus status) =>
        item < phase ? ChecklistState.Done
        : status == SessionStatus.Cancelled ? ChecklistState.Skipped
        : item > phase ? ChecklistState.Pending
        : status is SessionStatus.Failed or SessionStatus.FailedPermanently ? ChecklistState.Failed
        : status == SessionStatus.Completed ? ChecklistState.Done
        : ChecklistState.Running;

    private static ChecklistState StateOf(RoutineState state, SessionStatus status) => state switch
    {
        RoutineState.Done => ChecklistState.Done,
        RoutineState.Failed => ChecklistState.Failed,
        RoutineState.Running => ChecklistState.Running,
        _ => status == SessionStatus.Cancelled ? ChecklistState.Skipped : ChecklistState.Pending,
    };

    private IEnumerable<ChecklistItem> MachineAccessLines(Wording w, OnboardingSnapshot snapshot)
    {
        var session = snapshot.Session;
        var key = snapshot.Key;
        var lines = new (string Label, string? Detail)[]
        {
            (w.Say(nameof(Checklist_FindRole)), session.AppRoleId is { } role ? w.Say(nameof(Checklist_FindRoleDone), Options.RoleScriptId, role) : null),
            (w.Say(nameof(Checklist_CreateKey)), key is null ? null : key.Algorithm.Display()),
            (w.Say(nameof(Checklist_Upload)), key?.NetSuiteCertificateId is { } id ? w.Say(nameof(Checklist_UploadDone), id, w.Date(key.ValidUntil)) : null),
            (w.Say(nameof(Checklist_Test)), session.ConnectionTestMilliseconds is { } ms ? w.Say(nameof(Checklist_TestDone), ms) : null),
        };
        var reachedCurrent = false;
        foreach (var (label, detail) in lines)
        {
            if (detail is not null && !reachedCurrent)
            {
                yield return new ChecklistItem(label, ChecklistState.Done, detail);
                continue;
            }

            var state = reachedCurrent ? ChecklistState.Pending
                : session.Status is SessionStatus.Failed or SessionStatus.FailedPermanently ? ChecklistState.Failed
                : session.Status == SessionStatus.Cancelled ? ChecklistState.Skipped
                : ChecklistState.Running;
            reachedCurrent = true;
            yield return new ChecklistItem(label, state);
        }
    }

    private static string? AdminAccessDetail(Wording w, OnboardingSession session, DateTimeOffset now)
    {
        if (session.AuthorizedAt is null)
        {
            return null;
        }

        var role = session.AuthorizedRoleName ?? (session.AuthorizedRoleId is { } r ? w.Say(nameof(Checklist_RoleId), r) : w.Say(nameof(Checklist_Admin)));
        var authorized = session.AuthorizedByName is { } name ? w.Say(nameof(Checklist_AuthorizedAsBy), role, name) : w.Say(nameof(Checklist_AuthorizedAs), role);
        var until = session.AdminAccessEndedAt is { } ended
            ? w.Say(nameof(Checklist_Revoked), w.Absolute(ended, now))
            : session.AdminAccessUntil is { } expires ? w.Say(nameof(Checklist_Expires), w.Absolute(expires, now)) : null;
        return until is null ? authorized : w.Say(nameof(Checklist_And), authorized, until);
    }

    private static string? CertificateDetail(Wording w, TenantKey? key, bool withId) =>
        key?.NetSuiteCertificateId is not { } id ? null
        : withId ? w.Say(nameof(Checklist_Certificate), id, w.Date(key.ValidUntil))
        : w.Say(nameof(Checklist_OwnCertificate), key.Algorithm.Display());

    private Phrase LabelOf(string routine) => _routineLabels.TryGetValue(routine, out var label) ? label : Phrase.Verbatim(routine);
}
