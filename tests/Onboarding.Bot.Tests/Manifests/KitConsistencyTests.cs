using System.Text.Json.Nodes;
using System.Xml.Linq;
using Onboarding.Bot.Tests.Infrastructure;
using Onboarding.Engine.Onboarding;
using Onboarding.NetSuiteSandbox;

namespace Onboarding.Bot.Tests.Manifests;

/// <summary>
/// The vendor kit (manifests/netsuite) is the single source of truth for what the product expects in NetSuite: the
/// sandbox's demo role must be the kit's role, and every other place naming the kit's ids (engine defaults,
/// appsettings.sample.json, the sandbox's demo seed) must name the same ones.
/// </summary>
public sealed class KitConsistencyTests
{
    private const string AppRole = "customrole_onboarding_app";
    private const string ConfigRecord = "customrecord_onboarding_config";

    [Fact]
    public void The_sandbox_demo_role_holds_exactly_the_kit_roles_permissions_in_every_demo_account()
    {
        var kit = KitObject(AppRole);
        var kitPermissions = kit.Descendants("permission").Select(p => (string)p.Element("permkey")!).Order(StringComparer.Ordinal).ToList();
        var kitWebServicesOnly = (string)kit.Element("iswebserviceonlyrole")! == "T";

        var accounts = DemoSeed()["accounts"]!.AsArray();
        Assert.Equal(["1234567_SB1", "7654321"], accounts.Select(a => (string)a!["id"]!).Order(StringComparer.Ordinal));
        foreach (var account in accounts)
        {
            var role = AppRoleOf(account!);
            Assert.Equal(kitPermissions, role["permissions"]!.AsArray().Select(p => (string)p!).Order(StringComparer.Ordinal));
            Assert.Equal(kitWebServicesOnly, (bool)role["webServicesOnly"]!);
        }
    }

    [Fact]
    public void The_app_role_may_call_RESTlets_and_reads_no_roles_employees_or_subsidiaries()
    {
        var kit = KitObject(AppRole);
        var permissions = kit.Descendants("permkey").Select(k => (string)k).ToList();

        Assert.Equal("F", (string)kit.Element("iswebserviceonlyrole")!);
        Assert.DoesNotContain("ADMI_MANAGEROLES", permissions);
        Assert.DoesNotContain("LIST_EMPLOYEE_RECORD", permissions);
        Assert.DoesNotContain("LIST_SUBSIDIARY", permissions);
    }

    [Fact]
    public void The_configuration_record_field_ids_are_the_kits_everywhere()
    {
        var kit = KitObject(ConfigRecord);
        var kitFields = kit.Descendants("customrecordcustomfield").Select(f => (string)f.Attribute("scriptid")!).ToList();
        var defaults = new OnboardingOptions();
        var sample = SampleOnboardingSection();

        Assert.Equal(ConfigRecord, defaults.ConfigurationRecordType);
        Assert.Equal(ConfigRecord, (string)sample["ConfigurationRecordType"]!);
        Assert.Equal([defaults.ConfigurationKeyField, defaults.ConfigurationValueField], kitFields.Take(2));
        Assert.Equal([defaults.ConfigurationKeyField, defaults.ConfigurationValueField], [(string)sample["ConfigurationKeyField"]!, (string)sample["ConfigurationValueField"]!]);
        foreach (var account in DemoSeed()["accounts"]!.AsArray())
        {
            var recordType = account!["bundles"]!.AsArray().Select(b => b!["customRecordType"]!).Single(t => (string)t["scriptId"]! == ConfigRecord);
            Assert.Equal(kitFields, recordType["fields"]!.AsArray().Select(f => (string)f!));
        }
    }

    [Fact]
    public void The_role_and_RESTlet_ids_are_the_kits_in_the_engine_defaults_and_the_sample_settings()
    {
        var restlet = KitObject("customscript_onboarding_bundle_check");
        var deployment = (string)restlet.Descendants("scriptdeployment").Single().Attribute("scriptid")!;
        var defaults = new OnboardingOptions();
        var sample = SampleOnboardingSection();

        Assert.Equal((string)KitObject(AppRole).Attribute("scriptid")!, defaults.RoleScriptId);
        Assert.Equal(defaults.RoleScriptId, (string)sample["RoleScriptId"]!);
        Assert.Equal((string)restlet.Attribute("scriptid")!, defaults.BundleCheckRestlet.Script);
        Assert.Equal(deployment, defaults.BundleCheckRestlet.Deployment);
        Assert.Equal(defaults.BundleCheckRestlet.Script, (string)sample["BundleCheckRestlet"]!["Script"]!);
        Assert.Equal(defaults.BundleCheckRestlet.Deployment, (string)sample["BundleCheckRestlet"]!["Deployment"]!);
        foreach (var account in DemoSeed()["accounts"]!.AsArray())
        {
            var bundle = account!["bundles"]!.AsArray().Single()!;
            Assert.Equal(defaults.RoleScriptId, (string)bundle["role"]!["scriptId"]!);
            Assert.Equal(defaults.BundleCheckRestlet.Script, (string)bundle["restlet"]!["scriptId"]!);
            Assert.Equal(defaults.BundleCheckRestlet.Deployment, (string)bundle["restlet"]!["deploymentId"]!);
        }
    }

    private static XElement KitObject(string scriptId) =>
        XDocument.Load(RepositoryRoot.Combine("manifests", "netsuite", "src", "Objects", scriptId + ".xml")).Root!;

    private static JsonObject SampleOnboardingSection() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("appsettings.sample.json")))!["Onboarding"]!.AsObject();

    private static JsonObject DemoSeed()
    {
        using var stream = typeof(SandboxServer).Assembly.GetManifestResourceStream("demo-account.json")
            ?? throw new InvalidOperationException("The sandbox's demo-account.json resource is missing.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static JsonObject AppRoleOf(JsonNode account) =>
        account["bundles"]!.AsArray().Select(b => b!["role"]!.AsObject()).Single(r => (string)r["scriptId"]! == AppRole);
}
