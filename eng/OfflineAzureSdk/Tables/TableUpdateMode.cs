namespace Azure.Data.Tables;

/// <summary>Merge keeps the stored properties an update does not name; Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge = 0,
    Replace = 1,
}
