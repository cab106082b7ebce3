namespace Onboarding.Engine.Health;

/// <summary>Where in a check NetSuite refused: the same error code means different things at the token endpoint and at a RESTlet.</summary>
public enum CheckStage
{
    /// <summary>Minting a client-credentials token.</summary>
    Mint,

    /// <summary>The SuiteQL probe.</summary>
    Probe,

    /// <summary>The bundle-check RESTlet.</summary>
    Bundle,
}
