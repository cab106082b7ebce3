using Onboarding.NetSuiteSandbox.Governance;

namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>The conventions every <c>/services/rest/*</c> API shares: concurrency governance, bearer with <c>rest_webservices</c>, a role permission.</summary>
internal static class RestApi
{
    public static TBuilder AsRestApi<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithConcurrencyLimit(Surface.Rest).RequireBearer(Surface.Rest).RequirePermission(permission);
}
