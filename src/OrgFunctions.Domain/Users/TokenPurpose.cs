namespace OrgFunctions.Domain.Users;

public enum TokenPurpose
{
    Session,
    Invitation,
    PasswordSetup,
}
