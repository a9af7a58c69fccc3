namespace Azure.Data.Tables.Models;

public class TableItem
{
    public TableItem(string name)
    {
        Name = name;
    }

    public string Name { get; }
}
