using Onboarding.Engine.Onboarding;

namespace Onboarding.Bot.Hosting;

/// <summary>The engine's onboarding flow (settings section <c>Onboarding</c>), which also becomes the chat command handler.</summary>
public static class OnboardingRegistration
{
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOnboardingFlow(builder.Configuration);
        return builder;
    }
}
