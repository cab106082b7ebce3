using System.Reflection;
using Onboarding.Engine.Storage;
using Xunit.Sdk;

namespace Onboarding.Tests.Shared.Storage;

/// <summary>
/// Runs a [SkippableTheory] once per storage provider; the test takes a <see cref="StorageProvider"/> and builds its
/// database with <see cref="TemporaryDatabase.CreateAsync"/>. The PostgreSQL case skips without PostgreSQL installed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[StorageProvider.Sqlite], [StorageProvider.PostgreSql]];
}
