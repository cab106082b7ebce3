namespace Onboarding.NetSuiteSandbox.Hosting;

/// <summary>The two API surfaces a bearer token's scope must cover.</summary>
internal enum Surface
{
    /// <summary><c>/services/rest/*</c>, scope <c>rest_webservices</c>.</summary>
    Rest,

    /// <summary><c>restlet.nl</c>, scope <c>restlets</c>.</summary>
    Restlet,
}
