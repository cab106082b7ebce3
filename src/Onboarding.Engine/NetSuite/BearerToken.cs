namespace Onboarding.Engine.NetSuite;

/// <summary>An access or refresh token held in memory; its text form is redacted so it cannot slip into a log.</summary>
public readonly record struct BearerToken(string Value)
{
    public override string ToString() => "[redacted token]";
}
