using System.Text.Json.Serialization;
using static Onboarding.Engine.NetSuite.Internal.WireNames.Json;

namespace Onboarding.Engine.NetSuite.Internal.Wire;

/// <summary>The answer to <c>POST …/certificates</c> (docs/netsuite.md §4.3); note its field names differ from the list's.</summary>
internal sealed record CertificateUploadResponse(
    [property: JsonPropertyName(EntityRoleId)] EntityRoleMapping Mapping,
    [property: JsonPropertyName(CertificateId)] string CertificateId,
    [property: JsonPropertyName(Algorithm)] string Algorithm,
    [property: JsonPropertyName(ValidFrom)] DateOnly ValidFrom,
    [property: JsonPropertyName(ValidUntil)] DateOnly ValidUntil)
{
    public UploadedCertificate ToUploaded() => new(CertificateId, Algorithm, Mapping.Role, Mapping.Entity, ValidFrom, ValidUntil);
}

/// <summary>The <c>{"com","ent","rol"}</c> mapping an uploaded certificate was stored under.</summary>
internal sealed record EntityRoleMapping(
    [property: JsonPropertyName(Company)] string Company,
    [property: JsonPropertyName(EntityShort)] long Entity,
    [property: JsonPropertyName(RoleShort)] long Role);
