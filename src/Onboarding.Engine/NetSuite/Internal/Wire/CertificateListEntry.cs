using System.Text.Json.Serialization;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>One element of <c>GET …/certificates</c> (docs/netsuite.md §4.2).</summary>
internal sealed record CertificateListEntry(
    [property: JsonPropertyName(Entity)] NamedReference Entity,
    [property: JsonPropertyName(Role)] NamedReference Role,
    [property: JsonPropertyName(Created)] DateOnly Created,
    [property: JsonPropertyName(ValidFrom)] DateOnly ValidFrom,
    [property: JsonPropertyName(ValidUntil)] DateOnly ValidUntil,
    [property: JsonPropertyName(Revoked)] bool Revoked,
    [property: JsonPropertyName(CertificateId)] string CertificateId,
    [property: JsonPropertyName(Algorithm)] string Algorithm)
{
    public NetSuiteCertificate ToCertificate() =>
        new(CertificateId, Algorithm, Role.Id, Role.Name, Entity.Id, Entity.Name, Created, ValidFrom, ValidUntil, Revoked);
}

/// <summary>The <c>{"id","name","url"}</c> references inside a certificate list entry.</summary>
internal sealed record NamedReference(
    [property: JsonPropertyName(Id)] long Id,
    [property: JsonPropertyName(Name)] string? Name);
