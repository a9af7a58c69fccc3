using System.Net.Sockets;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests;

public class AzuriteServerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void ListensOnThreeDistinctLoopbackPorts()
    {
        var ports = new[] { azurite.Server.BlobPort, azurite.Server.QueuePort, azurite.Server.TablePort };

        Assert.Equal(3, ports.Distinct().Count());
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            Assert.True(client.Connected);
        }
    }
}
