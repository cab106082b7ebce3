using Onboarding.Engine.Conversations;

namespace Onboarding.Engine.Operations;

/// <summary>The operations commands and their card buttons.</summary>
public static class OperationsVerbs
{
    public const string Audit = ChatVerbs.Audit;
    public const string Erase = ChatVerbs.Erase;
    public const string EraseConfirmed = "operations.erase-confirmed";
    public const string EraseKept = "operations.erase-keep";
}
