namespace Onboarding.NetSuiteSandbox.Accounts;

/// <summary>
/// The NetSuite features (Setup › Company › Enable Features) the sandbox models. OneWorld is fixed when an account is
/// provisioned; the others can be switched off, and each then fails as docs/sandbox.md describes.
/// </summary>
internal enum AccountFeature
{
    OneWorld,
    OAuth2,
    RestWebServices,
    ServerSuiteScript,
}

/// <summary>Reads the seed's feature names.</summary>
internal static class AccountFeatures
{
    /// <summary>The features a seed account lists; all of them when it lists none.</summary>
    public static HashSet<AccountFeature> Parse(IReadOnlyList<string>? names, string accountId)
    {
        if (names is null)
        {
            return [.. Enum.GetValues<AccountFeature>()];
        }

        var features = new HashSet<AccountFeature>();
        foreach (var name in names)
        {
            if (!TryParse(name, out var feature))
            {
                throw new InvalidOperationException(
                    $"Seed account {accountId}: unknown feature '{name}'. Known features: {string.Join(", ", Enum.GetNames<AccountFeature>())}.");
            }

            features.Add(feature);
        }

        return features;
    }

    public static bool TryParse(string name, out AccountFeature feature) =>
        Enum.TryParse(name, ignoreCase: true, out feature) && Enum.IsDefined(feature);
}
