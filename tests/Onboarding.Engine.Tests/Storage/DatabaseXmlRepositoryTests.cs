using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Engine.Storage;
using Onboarding.Tests.Shared.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class DatabaseXmlRepositoryTests
{
    [SkippableTheory]
    [StorageProviders]
    public async Task Stored_elements_come_back_in_order_to_every_instance(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        var repository = new DatabaseXmlRepository(temp.Database, clock);

        repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");
        clock.Advance(TimeSpan.FromDays(1));
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        repository.StoreElement(new XElement("key", new XAttribute("id", "3")), "key-2");

        await using var other = temp.Open();
        var seen = new DatabaseXmlRepository(other, TimeProvider.System).GetAllElements();
        Assert.Equal(["1", "2", "3"], seen.Select(e => (string?)e.Attribute("id")));
    }

    [SkippableTheory]
    [StorageProviders]
    public async Task A_secret_protected_by_one_instance_is_read_by_another(StorageProvider provider)
    {
        await using var temp = await TemporaryDatabase.CreateAsync(provider);
        await temp.CreateRunner().ApplyAsync(CancellationToken.None);
        await using var secondDatabase = temp.Open();
        using var first = Protection(temp.Database);
        using var second = Protection(secondDatabase);

        var stored = first.GetRequiredService<ISecretProtector>().Protect("test.purpose", "xoxb-secret"u8);

        Assert.Equal("xoxb-secret"u8.ToArray(), second.GetRequiredService<ISecretProtector>().Unprotect("test.purpose", stored));
        Assert.Single(new DatabaseXmlRepository(temp.Database, TimeProvider.System).GetAllElements());
    }

    private static ServiceProvider Protection(Database database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Onboarding");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(database, TimeProvider.System));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services.BuildServiceProvider();
    }
}
