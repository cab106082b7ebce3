using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// Seeds the vendor's configuration records (<c>Onboarding:ConfigurationRecords</c>) through the REST record API.
/// Idempotent: keys already present (found by SuiteQL) are left alone, so a re-run creates no duplicates.
/// </summary>
public sealed class SeedConfigurationRoutine(ISuiteQlClient suiteQl, IRecordClient records, IOptions<OnboardingOptions> options) : IPostInstallRoutine
{
    public const string RoutineName = "seed-configuration";

    public string Name => RoutineName;

    public Phrase Label { get; } = Phrase.Of(nameof(Routine_Seed));

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var existing = await suiteQl.QueryAsync(
            context.Account,
            context.MachineToken,
            $"SELECT {settings.ConfigurationKeyField} AS configkey FROM {settings.ConfigurationRecordType}",
            null,
            cancellationToken).ConfigureAwait(false);
        if (!existing.IsSuccess)
        {
            return RoutineResult.Failed(Phrase.Of(nameof(Routine_SeedUnreadable)), existing.Error);
        }

        var present = existing.Value.Items.Select(i => i.GetValueOrDefault("configkey")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var created = 0;
        foreach (var (key, value) in settings.ConfigurationRecords.Where(r => !present.Contains(r.Key)))
        {
            var body = new JsonObject
            {
                ["name"] = key,
                [settings.ConfigurationKeyField] = key,
                [settings.ConfigurationValueField] = value,
            };
            var result = await records.CreateAsync(context.Account, context.MachineToken, settings.ConfigurationRecordType, body, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return RoutineResult.Failed(Phrase.Of(nameof(Routine_SeedStopped), created, settings.ConfigurationRecords.Count - present.Count, key), result.Error);
            }

            created++;
        }

        var kept = settings.ConfigurationRecords.Count - created;
        return RoutineResult.Done(kept == 0 ? Phrase.Of(nameof(Routine_SeedDone), created) : Phrase.Of(nameof(Routine_SeedDoneSomeThere), created, kept));
    }
}
