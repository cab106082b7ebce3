using Onboarding.Engine.Conversations;
using Onboarding.Engine.Onboarding.Views;
using Onboarding.Engine.Views;

namespace Onboarding.Engine.Onboarding.AdminReauthorization;

/// <summary>The re-authorization card, updated in place from the request to its result.</summary>
public static class ReauthorizationViews
{
    /// <summary>Card data key for a re-authorization's id.</summary>
    public const string IdKey = "reauthorization";

    public static CardSlot Slot(string id) => new($"reauthorization/{id}");

    public static StepView Requested(Reauthorization r, string purpose, Uri link, DateTimeOffset expiresAt, DateTimeOffset now) =>
        new($"Re-authorize {r.Account} for one hour — {purpose}", $"A NetSuite administrator of {r.Account} signs in once; the access is revoked as soon as the job is done.", Tone.Attention)
        {
            Body =
            [
                $"Sign in with an administrator role of account {r.Account}. The app uses the one-hour access only {purpose}, then revokes it.",
                $"The link works once and expires {TimeWording.Around(expiresAt, now)}.",
            ],
            Actions = [new OpenUrlAction("Authorize in NetSuite", link), Button("Cancel", ReauthorizationVerbs.Cancel, r)],
        };

    public static StepView Running(Reauthorization r, string purpose) =>
        new($"Re-authorized {r.Account} — working", $"Access received; working {purpose}.", Tone.Neutral);

    /// <summary>
    /// The outcome. A failure says which account, what went wrong and what to do next, with the button that does it. What
    /// it says of the admin access is what NetSuite confirmed (<see cref="AccessEnd"/>).
    /// </summary>
    public static StepView Finished(Reauthorization r, string purpose, ReauthorizationResult result, bool accessRevoked)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(result);
        var facts = new List<Fact>(result.Facts) { new("Admin access", accessRevoked ? "revoked and erased" : "erased here; NetSuite did not confirm the revocation") };
        if (result.Succeeded)
        {
            return new StepView($"✓ {r.Account}: done {purpose}", $"{r.Account}: {result.Summary} {AccessEnd(accessRevoked)}", Tone.Good)
            {
                Body = [result.Summary],
                Facts = facts,
                Footnote = result.Said,
            };
        }

        const string ToDo = "Press Re-authorize again to try once more with a fresh sign-in; if it fails again, send the small print to support.";
        return new StepView(
            $"✗ {r.Account}: couldn't finish the job {purpose}",
            $"{r.Account}: {result.Summary} {ToDo} {AccessEnd(accessRevoked)}",
            Tone.Warning)
        {
            Body = [result.Summary, ToDo],
            Facts = facts,
            Footnote = result.Said,
            Actions = [Button("Re-authorize again", ReauthorizationVerbs.Renew, r, ActionStyle.Primary)],
        };
    }

    /// <summary>What may be said about the one-hour access once the job is over: "revoked" only when NetSuite confirmed it.</summary>
    public static string AccessEnd(bool revoked) => revoked
        ? "The one-hour admin access has been revoked."
        : "NetSuite did not confirm that the one-hour admin access was revoked; the app erased its copy, and it expires within the hour.";

    /// <summary>The link was not used as meant: denied, expired, another account, or NetSuite refused the code.</summary>
    public static StepView Stopped(Reauthorization r, string purpose, string reason) =>
        new($"Re-authorization of {r.Account} stopped", $"{reason} Nothing was changed.", Tone.Warning)
        {
            Body = [reason, $"Press Re-authorize again for a fresh link {purpose}."],
            Actions = [Button("Re-authorize again", ReauthorizationVerbs.Renew, r, ActionStyle.Primary)],
        };

    public static StepView Cancelled(Reauthorization r) =>
        new($"Re-authorization of {r.Account} cancelled", "The link no longer works. Nothing was changed.", Tone.Neutral)
        {
            Actions = [Button("Re-authorize again", ReauthorizationVerbs.Renew, r)],
        };

    private static SubmitAction Button(string label, string verb, Reauthorization r, ActionStyle style = ActionStyle.Default) =>
        new(label, verb, new Dictionary<string, string> { [IdKey] = r.Id }, style);
}

/// <summary>Button verbs of the re-authorization card.</summary>
public static class ReauthorizationVerbs
{
    public const string Cancel = "reauthorization.cancel";
    public const string Renew = "reauthorization.renew";
}
