using System.Text.Json.Serialization;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>The JSON body of a SuiteQL request (docs/netsuite.md §5.1): the query and its bound parameters.</summary>
internal sealed record SuiteQlRequest(
    [property: JsonPropertyName(Query)] string Query,
    [property: JsonPropertyName(Parameters)] IReadOnlyList<string>? Parameters);
