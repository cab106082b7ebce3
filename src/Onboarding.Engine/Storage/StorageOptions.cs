using System.ComponentModel.DataAnnotations;

namespace Onboarding.Engine.Storage;

/// <summary>Settings section <c>Storage</c>: where the SQLite database lives.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file; a relative path is resolved against the host's content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath must name a file, e.g. data/onboarding.db.")]
    public string DatabasePath { get; set; } = "data/onboarding.db";

    /// <summary>How long a writer waits for a lock held by another connection before failing.</summary>
    [Range(100, 60_000, ErrorMessage = "Storage:BusyTimeoutMilliseconds must be between 100 and 60000.")]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;
}
