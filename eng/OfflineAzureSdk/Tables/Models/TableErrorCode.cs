#nullable disable
// Oblivious to nullability, as the real package is: see TableClient.cs.
namespace Azure.Data.Tables.Models;

/// <summary>An error code the Table service returns (RequestFailedException.ErrorCode); a subset of the real list.</summary>
public readonly struct TableErrorCode : IEquatable<TableErrorCode>
{
    private readonly string _value;

    public TableErrorCode(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public static TableErrorCode CommandsInBatchActOnDifferentPartitions { get; } = new("CommandsInBatchActOnDifferentPartitions");
    public static TableErrorCode EntityAlreadyExists { get; } = new("EntityAlreadyExists");
    public static TableErrorCode EntityNotFound { get; } = new("EntityNotFound");
    public static TableErrorCode EntityTooLarge { get; } = new("EntityTooLarge");
    public static TableErrorCode InvalidDuplicateRow { get; } = new("InvalidDuplicateRow");
    public static TableErrorCode InvalidInput { get; } = new("InvalidInput");
    public static TableErrorCode OutOfRangeInput { get; } = new("OutOfRangeInput");
    public static TableErrorCode PropertyValueTooLarge { get; } = new("PropertyValueTooLarge");
    public static TableErrorCode ResourceNotFound { get; } = new("ResourceNotFound");
    public static TableErrorCode TableAlreadyExists { get; } = new("TableAlreadyExists");
    public static TableErrorCode TableBeingDeleted { get; } = new("TableBeingDeleted");
    public static TableErrorCode TableNotFound { get; } = new("TableNotFound");
    public static TableErrorCode UpdateConditionNotSatisfied { get; } = new("UpdateConditionNotSatisfied");

    public static bool operator ==(TableErrorCode left, TableErrorCode right) => left.Equals(right);

    public static bool operator !=(TableErrorCode left, TableErrorCode right) => !left.Equals(right);

    public static implicit operator TableErrorCode(string value) => new(value);

    public bool Equals(TableErrorCode other) => string.Equals(_value, other._value, StringComparison.InvariantCultureIgnoreCase);

    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public override bool Equals(object obj) => obj is TableErrorCode other && Equals(other);

    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public override int GetHashCode() => _value?.GetHashCode(StringComparison.InvariantCultureIgnoreCase) ?? 0;

    public override string ToString() => _value;
}
