using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Storage;

namespace OrgFunctions.Provisioning;

/// <summary>
/// Sender IDs (the numbers and names an org sends from) as rows <c>sender:{orgId}:{senderId}</c> of the tree's partition.
/// There is no sender-ID feature yet: provisioning only attaches a parent's existing rows to a new child.
/// </summary>
public static class SenderIdRows
{
    public static bool IsValidId(string senderId) =>
        senderId.Length is > 0 and <= 64 && senderId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+');

    /// <summary>The child's copy of a parent's sender-ID row: the same properties, naming the org it came from.</summary>
    public static TableEntity AttachTo(OrgPath child, TableEntity parentRow, string senderId)
    {
        var row = new TableEntity(child.RootId.Value, RowKeys.Sender(child.OrgId, senderId));
        foreach (var (key, value) in parentRow)
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                row[key] = value;
            }
        }
        row["Kind"] = "sender";
        row["SenderId"] = senderId;
        row["OrgId"] = child.OrgId.Value;
        row["AttachedFrom"] = parentRow.GetString("OrgId");
        return row;
    }
}
