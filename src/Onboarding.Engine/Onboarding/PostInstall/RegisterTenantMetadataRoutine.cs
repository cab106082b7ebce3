using Onboarding.Engine.NetSuite;
using Onboarding.Engine.Language;
using static Onboarding.Engine.Language.Texts;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>Reads the company's name and details from SuiteQL's <c>companyinformation</c> and stores them with the tenant.</summary>
public sealed class RegisterTenantMetadataRoutine(ISuiteQlClient suiteQl) : IPostInstallRoutine
{
    public const string RoutineName = "register-tenant-metadata";

    public string Name => RoutineName;

    public Phrase Label { get; } = Phrase.Of(nameof(Routine_Metadata));

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        // NetSuite leaves NULL columns out of an item, so each one is optional; the time zone column is not in every account.
        var result = await suiteQl.QueryAsync(context.Account, context.MachineToken, "SELECT * FROM companyinformation", null, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return RoutineResult.Failed(Phrase.Of(nameof(Routine_MetadataUnreadable)), result.Error);
        }

        var row = result.Value.Items.FirstOrDefault() ?? new Dictionary<string, string>();
        var company = row.GetValueOrDefault("companyname");
        var timeZone = row.GetValueOrDefault("timezone");
        var summary = company is null ? Phrase.Of(nameof(Routine_MetadataNoCompany)) : Phrase.Of(nameof(Routine_MetadataCompany), company);
        if (timeZone is not null)
        {
            summary = Phrase.Of(nameof(Routine_MetadataAnd), summary, Phrase.Of(nameof(Routine_MetadataTimeZone), timeZone));
        }

        if (row.GetValueOrDefault("country") is { } country)
        {
            summary = Phrase.Of(nameof(Routine_MetadataAnd), summary, Phrase.Of(nameof(Routine_MetadataCountry), country));
        }

        return RoutineResult.Done(summary) with { Facts = new TenantFacts(company, timeZone) };
    }
}
