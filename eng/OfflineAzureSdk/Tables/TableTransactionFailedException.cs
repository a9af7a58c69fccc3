using System.Runtime.Serialization;

namespace Azure.Data.Tables;

/// <summary>
/// A transaction the service refused as a whole. <see cref="FailedTransactionActionIndex"/> is the index of the
/// action that failed, when the service named it (carried in <c>Data["FailedEntity"]</c>, as the real package does).
/// </summary>
public class TableTransactionFailedException : RequestFailedException
{
    internal const string FailedEntityIndexKey = "FailedEntity";

    public TableTransactionFailedException(RequestFailedException requestFailedException)
        : base(requestFailedException.Status, requestFailedException.Message, requestFailedException.ErrorCode,
            requestFailedException.InnerException)
    {
        foreach (var key in requestFailedException.Data.Keys)
        {
            Data[key] = requestFailedException.Data[key];
        }
        if (Data[FailedEntityIndexKey] is string text && int.TryParse(text, out var index))
        {
            FailedTransactionActionIndex = index;
        }
    }

    [Obsolete(DiagnosticId = "SYSLIB0051")]
    protected TableTransactionFailedException(SerializationInfo info, StreamingContext context)
        : base(info, context)
    {
    }

    public int? FailedTransactionActionIndex { get; }
}
