using System.Text.Json.Serialization;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>The JSON body of <c>POST …/certificates</c> (docs/netsuite.md §4.3): the PEM and the role and entity to map.</summary>
internal sealed record CertificateUploadRequest(
    [property: JsonPropertyName(FileContent)] string FileContent,
    [property: JsonPropertyName(Role)] long Role,
    [property: JsonPropertyName(Entity)] long Entity);
