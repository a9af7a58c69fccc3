using System.ComponentModel;

namespace Azure.Storage.Blobs.Models;

/// <summary>The storage error codes this subset's callers compare against; any other code still round-trips.</summary>
public readonly partial struct BlobErrorCode : IEquatable<BlobErrorCode>
{
    private readonly string _value;

    public BlobErrorCode(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public static BlobErrorCode BlobAlreadyExists { get; } = new("BlobAlreadyExists");
    public static BlobErrorCode BlobNotFound { get; } = new("BlobNotFound");
    public static BlobErrorCode ConditionNotMet { get; } = new("ConditionNotMet");
    public static BlobErrorCode ContainerAlreadyExists { get; } = new("ContainerAlreadyExists");
    public static BlobErrorCode ContainerBeingDeleted { get; } = new("ContainerBeingDeleted");
    public static BlobErrorCode ContainerNotFound { get; } = new("ContainerNotFound");
    public static BlobErrorCode LeaseAlreadyPresent { get; } = new("LeaseAlreadyPresent");
    public static BlobErrorCode LeaseIdMismatchWithBlobOperation { get; } = new("LeaseIdMismatchWithBlobOperation");
    public static BlobErrorCode LeaseIdMismatchWithLeaseOperation { get; } = new("LeaseIdMismatchWithLeaseOperation");
    public static BlobErrorCode LeaseIdMissing { get; } = new("LeaseIdMissing");
    public static BlobErrorCode LeaseIsBreakingAndCannotBeAcquired { get; } = new("LeaseIsBreakingAndCannotBeAcquired");
    public static BlobErrorCode LeaseIsBrokenAndCannotBeRenewed { get; } = new("LeaseIsBrokenAndCannotBeRenewed");
    public static BlobErrorCode LeaseLost { get; } = new("LeaseLost");
    public static BlobErrorCode LeaseNotPresentWithBlobOperation { get; } = new("LeaseNotPresentWithBlobOperation");
    public static BlobErrorCode LeaseNotPresentWithLeaseOperation { get; } = new("LeaseNotPresentWithLeaseOperation");

    public static bool operator ==(BlobErrorCode left, BlobErrorCode right) => left.Equals(right);
    public static bool operator !=(BlobErrorCode left, BlobErrorCode right) => !left.Equals(right);
    public static bool operator ==(BlobErrorCode code, string value) => value is not null && code.Equals(value);
    public static bool operator !=(BlobErrorCode code, string value) => !(code == value);
    public static bool operator ==(string value, BlobErrorCode code) => code == value;
    public static bool operator !=(string value, BlobErrorCode code) => !(code == value);
    public static implicit operator BlobErrorCode(string value) => new(value);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is BlobErrorCode other && Equals(other);

    public bool Equals(BlobErrorCode other) => string.Equals(_value, other._value, StringComparison.InvariantCultureIgnoreCase);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool Equals(string value) => string.Equals(_value, value, StringComparison.InvariantCultureIgnoreCase);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.InvariantCultureIgnoreCase) ?? 0;

    public override string ToString() => _value;
}
