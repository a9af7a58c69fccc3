namespace OrgFunctions.Domain;

/// <summary>An operation would break one of the domain's invariants.</summary>
public class DomainException(string message) : Exception(message);
