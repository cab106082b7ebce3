namespace Onboarding.Engine.Health;

/// <summary>What a check looked at: the machine connection (token + SuiteQL probe) or the bundle (RESTlet).</summary>
public enum CheckKind
{
    Connection,
    Bundle,
}
