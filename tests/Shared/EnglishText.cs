using Onboarding.Engine.Language;

namespace Onboarding.Tests.Shared;

/// <summary>
/// What a phrase says in English, for assertions about copy: tests check sentences as an English reader sees them, and the
/// other languages through <see cref="Wording"/> directly. Compiled into the test projects that check copy.
/// </summary>
internal static class EnglishText
{
    public static string En(this Phrase phrase) => Wording.English.Say(phrase);
}
