using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>
/// Seeds the vendor's configuration records (<c>Onboarding:ConfigurationRecords</c>) through the REST record API.
/// Idempotent: keys already present (found by SuiteQL) are left alone, so a re-run creates no duplicates.
/// </summary>
public sealed class SeedConfigurationRoutine(ISuiteQlClient suiteQl, IRecordClient records, IOptions<OnboardingOptions> options) : IPostInstallRoutine
{
    public const string RoutineName = "seed-configuration";

    public string Name => RoutineName;

    public string Label => "Seed configuration records";

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
            return RoutineResult.Failed("existing configuration records could not be read", existing.Error);
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
                return RoutineResult.Failed($"seeded {created} of {settings.ConfigurationRecords.Count - present.Count} configuration records, then '{key}' failed", result.Error);
            }

            created++;
        }

        var kept = settings.ConfigurationRecords.Count - created;
        return RoutineResult.Done(kept == 0 ? $"Seeded {created} configuration records" : $"Seeded {created} configuration records ({kept} already there)");
    }
}
