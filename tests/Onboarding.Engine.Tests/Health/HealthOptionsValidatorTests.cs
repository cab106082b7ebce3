using Onboarding.Engine.Health;

namespace Onboarding.Engine.Tests.Health;

public sealed class HealthOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_the_documented_values()
    {
        var options = new HealthOptions();

        Assert.True(new HealthOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CheckInterval);
        Assert.Equal(TimeSpan.FromHours(4), options.ReminderInterval);
        Assert.Equal(TimeSpan.FromDays(30), options.RenewalLeadTime);
        Assert.Equal([30, 7, 1], options.WarningDays);
    }

    [Fact]
    public void Warning_days_follow_a_changed_setting_largest_first()
    {
        var options = new HealthOptions();
        Assert.Equal([30, 7, 1], options.WarningDays);

        options.ExpiryWarningDays = "3, 14";

        Assert.Equal([14, 3], options.WarningDays);
        Assert.Same(options.WarningDays, options.WarningDays);
    }

    [Theory]
    [InlineData(nameof(HealthOptions.CheckInterval), "Health:CheckInterval")]
    [InlineData(nameof(HealthOptions.CheckJitter), "Health:CheckJitter")]
    [InlineData(nameof(HealthOptions.MaxConcurrentChecks), "Health:MaxConcurrentChecks")]
    [InlineData(nameof(HealthOptions.ExpiryWarningDays), "Health:ExpiryWarningDays")]
    [InlineData(nameof(HealthOptions.BundleCheckInterval), "Health:BundleCheckInterval")]
    public void A_bad_value_is_refused_naming_its_key(string property, string key)
    {
        var options = new HealthOptions();
        switch (property)
        {
            case nameof(HealthOptions.CheckInterval): options.CheckInterval = TimeSpan.FromSeconds(5); break;
            case nameof(HealthOptions.CheckJitter): options.CheckJitter = TimeSpan.FromHours(1); break;
            case nameof(HealthOptions.MaxConcurrentChecks): options.MaxConcurrentChecks = 0; break;
            case nameof(HealthOptions.ExpiryWarningDays): options.ExpiryWarningDays = "30, soon"; break;
            case nameof(HealthOptions.BundleCheckInterval): options.BundleCheckInterval = TimeSpan.FromMinutes(1); break;
        }

        var result = new HealthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }
}
