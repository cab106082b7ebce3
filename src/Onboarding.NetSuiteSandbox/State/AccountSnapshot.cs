using Onboarding.NetSuiteSandbox.Accounts;
using Onboarding.NetSuiteSandbox.Certificates;

namespace Onboarding.NetSuiteSandbox.State;

/// <summary>Copies an account's changing state out to a <see cref="SavedAccount"/> and back. Callers hold the account's lock.</summary>
internal static class AccountSnapshot
{
    /// <summary>The account as it is now; tokens already expired are left out, they can never be used again.</summary>
    public static SavedAccount Take(Account account, DateTimeOffset now) => new(
        account.Id,
        account.Features.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList(),
        account.BlockedIntegrations.Order(StringComparer.Ordinal).ToList(),
        account.InstalledIntegrations.Order(StringComparer.Ordinal).ToList(),
        account.InstalledBundles.Select(b => new SavedBundle(b.Key, b.Value.DateInstalled, b.Value.InstalledById, b.Value.InstalledByName)).ToList(),
        account.Roles.Values.Select(r => new SavedRole(r.Id, r.Granted.Order(StringComparer.Ordinal).ToList(), r.Withdrawn.Order(StringComparer.Ordinal).ToList())).ToList(),
        account.Employees.Values.Select(e => new SavedEmployee(e.Id, e.Roles.ToList())).ToList(),
        account.Certificates.Select(c => new SavedCertificate(c.CertificateId, c.ClientId, c.RoleId, c.EntityId, c.Pem, c.Created, c.ValidFrom, c.ValidUntil, c.Revoked)).ToList(),
        account.Tokens.Values.Where(t => t.ExpiresAt > now).Select(t => new SavedToken(
            t.Jti, t.Kind.ToString(), t.ClientId, t.RoleId, t.EntityId, t.Scopes, t.ExpiresAt, t.ChainStart, t.ParentJti, t.Revoked, t.Used)).ToList(),
        account.Bundles.Values.Where(b => account.InstalledBundles.ContainsKey(b.Id))
            .ToDictionary(b => b.CustomRecordType.ScriptId, b => account.Tables.AllCustomRecords(b.CustomRecordType), StringComparer.Ordinal));

    /// <summary>
    /// Puts saved state back on an account freshly built from the seed. What the seed no longer has (a bundle, a role,
    /// an employee, an integration) is skipped; <paramref name="skipped"/> hears about it.
    /// </summary>
    public static void Apply(Account account, SavedAccount saved, Action<string> skipped)
    {
        account.Features.Clear();
        foreach (var name in saved.Features)
        {
            if (AccountFeatures.TryParse(name, out var feature))
            {
                account.Features.Add(feature);
            }
        }

        account.BlockedIntegrations.Clear();
        account.BlockedIntegrations.UnionWith(saved.BlockedIntegrations.Where(account.Integrations.ContainsKey));
        account.InstalledIntegrations.Clear();
        account.InstalledIntegrations.UnionWith(saved.InstalledIntegrations.Where(account.Integrations.ContainsKey));
        ApplyBundles(account, saved, skipped);

        foreach (var role in saved.Roles)
        {
            if (account.Roles.TryGetValue(role.Id, out var current))
            {
                current.Restore(role.Granted, role.Withdrawn);
            }
        }

        foreach (var employee in saved.Employees)
        {
            if (account.Employees.TryGetValue(employee.Id, out var current))
            {
                current.Roles.Clear();
                current.Roles.UnionWith(employee.Roles);
                account.Tables.UpdateEmployeeRoles(current);
            }
        }

        account.Certificates.Clear();
        foreach (var c in saved.Certificates)
        {
            var (certificate, _) = UploadedCertificate.Parse(c.Pem);
            if (certificate is null || !account.Integrations.ContainsKey(c.ClientId))
            {
                skipped($"certificate {c.CertificateId} of integration {c.ClientId}");
                continue;
            }

            account.Certificates.Add(new CertificateMapping
            {
                CertificateId = c.CertificateId,
                ClientId = c.ClientId,
                RoleId = c.RoleId,
                EntityId = c.EntityId,
                Pem = c.Pem,
                Algorithm = certificate.Algorithm,
                PublicKey = certificate.PublicKey,
                Created = c.Created,
                ValidFrom = c.ValidFrom,
                ValidUntil = c.ValidUntil,
                Revoked = c.Revoked,
            });
        }

        account.Tokens.Clear();
        foreach (var t in saved.Tokens.Where(t => account.Integrations.ContainsKey(t.ClientId)))
        {
            account.Tokens[t.Jti] = new IssuedToken
            {
                Jti = t.Jti,
                Kind = Enum.Parse<TokenKind>(t.Kind),
                ClientId = t.ClientId,
                RoleId = t.RoleId,
                EntityId = t.EntityId,
                Scopes = t.Scopes,
                ExpiresAt = t.ExpiresAt,
                ChainStart = t.ChainStart,
                ParentJti = t.ParentJti,
                Revoked = t.Revoked,
                Used = t.Used,
            };
        }
    }

    private static void ApplyBundles(Account account, SavedAccount saved, Action<string> skipped)
    {
        var wanted = saved.InstalledBundles.ToDictionary(b => b.Id);
        foreach (var bundle in account.Bundles.Values.Where(b => account.InstalledBundles.ContainsKey(b.Id) && !wanted.ContainsKey(b.Id)).ToList())
        {
            account.UninstallBundle(bundle);
        }

        foreach (var installed in saved.InstalledBundles)
        {
            if (!account.Bundles.TryGetValue(installed.Id, out var bundle))
            {
                skipped($"bundle {installed.Id}");
                continue;
            }

            account.InstallBundle(bundle, installed.DateInstalled);
            account.InstalledBundles[bundle.Id] = new BundleInstallation(installed.DateInstalled, installed.InstalledById, installed.InstalledByName);
            var type = bundle.CustomRecordType;
            account.Tables.DeleteCustomRecords(type);
            foreach (var row in saved.CustomRecords.GetValueOrDefault(type.ScriptId) ?? [])
            {
                account.Tables.RestoreCustomRecord(type, row);
            }
        }
    }
}
