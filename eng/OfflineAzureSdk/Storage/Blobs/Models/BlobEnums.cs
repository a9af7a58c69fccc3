namespace Azure.Storage.Blobs.Models;

[Flags]
public enum BlobTraits
{
    None = 0,
    CopyStatus = 1,
    Metadata = 2,
    Tags = 4,
    ImmutabilityPolicy = 8,
    LegalHold = 16,
    All = -1,
}

[Flags]
public enum BlobStates
{
    None = 0,
    Snapshots = 1,
    Uncommitted = 2,
    Deleted = 4,
    Version = 8,
    DeletedWithVersions = 16,
    All = -1,
}

public enum BlobType
{
    Block = 0,
    Page = 1,
    Append = 2,
}

public enum LeaseState
{
    Available = 0,
    Leased = 1,
    Expired = 2,
    Breaking = 3,
    Broken = 4,
}

public enum LeaseStatus
{
    Locked = 0,
    Unlocked = 1,
}

public enum LeaseDurationType
{
    Infinite = 0,
    Fixed = 1,
}

public enum PublicAccessType
{
    None = 0,
    BlobContainer = 1,
    Blob = 2,
}

public enum DeleteSnapshotsOption
{
    None = 0,
    IncludeSnapshots = 1,
    OnlySnapshots = 2,
}
