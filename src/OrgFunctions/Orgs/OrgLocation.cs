using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.Orgs;

/// <summary>Where an org's row lives, from its index row: enough to decide visibility before reading the org.</summary>
public sealed record OrgLocation(OrgId OrgId, OrgPath Path)
{
    public string PartitionKey => Path.RootId.Value;
}
