using Onboarding.Engine.Storage;

namespace Onboarding.Engine.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void SQLite_with_a_file_is_valid()
    {
        Assert.True(_validator.Validate(null, new StorageOptions()).Succeeded);
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_names_the_key_to_set()
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = StorageProvider.PostgreSql });

        Assert.True(result.Failed);
        Assert.Contains("ConnectionStrings:Onboarding is empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Onboarding", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_left_beside_SQLite_is_refused_rather_than_silently_ignored()
    {
        var result = _validator.Validate(null, new StorageOptions { ConnectionString = "Host=db;Database=onboarding" });

        Assert.True(result.Failed);
        Assert.Contains("set Storage:Provider to PostgreSql", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hots=db;Database=onboarding;Password=s3cret-value", "not a valid PostgreSQL connection string")]
    [InlineData("Database=onboarding;Password=s3cret-value", "names no server")]
    [InlineData("Host=db;Password=s3cret-value", "names no database")]
    public void A_broken_connection_string_is_explained_without_repeating_the_password(string connectionString, string expected)
    {
        var result = _validator.Validate(null, new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Onboarding", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }
}
