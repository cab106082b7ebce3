using Microsoft.Extensions.Options;
using Onboarding.Engine.Keys;
using Onboarding.Engine.Onboarding.PostInstall;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.Views;

/// <summary>
/// The checklist heading an onboarding card: the four steps with their states and key facts, step 3's sub-steps while
/// it runs, and one line per post-install routine with its result from step 4 on — both one level in, under their step.
/// Once everything is done the ids worth keeping are in the card's facts, not repeated in the checklist.
/// </summary>
public sealed class OnboardingChecklist(IOptions<OnboardingOptions> options, IEnumerable<IPostInstallRoutine> routines)
{
    private readonly Dictionary<string, string> _routineLabels =
        routines.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Label, StringComparer.OrdinalIgnoreCase);

    private OnboardingOptions Options => options.Value;

    public List<ChecklistItem> Build(OnboardingSnapshot snapshot, int phase, DateTimeOffset now)
    {
        var session = snapshot.Session;
        var items = new List<ChecklistItem>
        {
            new("Temporary admin access", StateOf(1, phase, session.Status), AdminAccessDetail(session, now)),
            new($"Install {Options.BundleName} {Options.BundleVersion}", StateOf(2, phase, session.Status), session.BundleVersion is { } v ? $"version {v} found" : null),
            new("Long-term connection", StateOf(3, phase, session.Status), phase > 3 ? CertificateDetail(snapshot.Key, withId: session.Status != SessionStatus.Completed) : null),
        };
        if (phase == 3)
        {
            items.AddRange(MachineAccessLines(snapshot).Select(SubStep));
        }

        items.Add(new("Finishing setup", StateOf(4, phase, session.Status), null));
        if (phase >= 4)
        {
            items.AddRange(snapshot.Routines.Select(r => SubStep(new ChecklistItem(LabelOf(r.Routine), StateOf(r.State, session.Status), r.Summary))));
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

    private IEnumerable<ChecklistItem> MachineAccessLines(OnboardingSnapshot snapshot)
    {
        var session = snapshot.Session;
        var key = snapshot.Key;
        var lines = new (string Label, string? Detail)[]
        {
            ("Find the app's role", session.AppRoleId is { } role ? $"{Options.RoleScriptId}, id {role}" : null),
            ("Create key pair", key is null ? null : key.Algorithm.Display()),
            ("Upload certificate", key?.NetSuiteCertificateId is { } id ? $"{id}, valid until {TimeWording.Date(key.ValidUntil)}" : null),
            ("Test connection", session.ConnectionTestMilliseconds is { } ms ? $"query ran in {ms} ms" : null),
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

    private static string? AdminAccessDetail(OnboardingSession session, DateTimeOffset now)
    {
        if (session.AuthorizedAt is null)
        {
            return null;
        }

        var who = session.AuthorizedByName is { } name ? $" by {name}" : string.Empty;
        var role = session.AuthorizedRoleName ?? (session.AuthorizedRoleId is { } r ? $"role {r}" : "admin");
        var until = session.AdminAccessEndedAt is { } ended
            ? $"revoked {TimeWording.Absolute(ended, now)}"
            : session.AdminAccessUntil is { } expires ? $"expires {TimeWording.Absolute(expires, now)}" : null;
        return until is null ? $"Authorized as {role}{who}" : $"Authorized as {role}{who} · {until}";
    }

    private static string? CertificateDetail(TenantKey? key, bool withId) =>
        key?.NetSuiteCertificateId is not { } id ? null
        : withId ? $"certificate {id} · valid until {TimeWording.Date(key.ValidUntil)}"
        : $"its own {key.Algorithm.Display()} certificate and least-privilege role";

    private string LabelOf(string routine) => _routineLabels.TryGetValue(routine, out var label) ? label : routine;
}
