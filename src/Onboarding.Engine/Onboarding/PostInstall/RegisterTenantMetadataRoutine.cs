using Onboarding.Engine.NetSuite;

namespace Onboarding.Engine.Onboarding.PostInstall;

/// <summary>Reads the company's name and details from SuiteQL's <c>companyinformation</c> and stores them with the tenant.</summary>
public sealed class RegisterTenantMetadataRoutine(ISuiteQlClient suiteQl) : IPostInstallRoutine
{
    public const string RoutineName = "register-tenant-metadata";

    public string Name => RoutineName;

    public string Label => "Register company details";

    public async Task<RoutineResult> RunAsync(PostInstallContext context, CancellationToken cancellationToken)
    {
        // NetSuite leaves NULL columns out of an item, so each one is optional; the time zone column is not in every account.
        var result = await suiteQl.QueryAsync(context.Account, context.MachineToken, "SELECT * FROM companyinformation", null, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return RoutineResult.Failed("company information could not be read", result.Error);
        }

        var row = result.Value.Items.FirstOrDefault() ?? new Dictionary<string, string>();
        var company = row.GetValueOrDefault("companyname");
        var timeZone = row.GetValueOrDefault("timezone");
        var parts = new List<string> { $"Company: {company ?? "(no name)"}" };
        if (timeZone is not null)
        {
            parts.Add($"Time zone: {timeZone}");
        }

        if (row.GetValueOrDefault("country") is { } country)
        {
            parts.Add($"Country: {country}");
        }

        return RoutineResult.Done(string.Join(" · ", parts)) with { Facts = new TenantFacts(company, timeZone) };
    }
}
