using OrgFunctions.Domain;

namespace OrgFunctions.Domain.Tests;

public class DomainExceptionTests
{
    [Fact]
    public void CarriesItsMessage()
    {
        var ex = new DomainException("an org cannot be its own parent");

        Assert.Equal("an org cannot be its own parent", ex.Message);
    }
}
