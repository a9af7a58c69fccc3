#if OFFLINE_AZURE_SDK
using Azure.Internal;

namespace OfflineAzureSdk.ContractTests.Internal;

// Internal to the offline subset, so these run in offline mode only.
public class StorageConnectionStringTests
{
    [Fact]
    public void DevelopmentStorageMeansAzuriteOnStandardPorts()
    {
        var cs = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", cs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), cs.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), cs.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), cs.TableEndpoint);
    }

    [Fact]
    public void ExplicitEndpointsWinOverTheSuffix()
    {
        var cs = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:5555/acct/;");

        Assert.Equal(new Uri("http://127.0.0.1:5555/acct"), cs.TableEndpoint);
        Assert.Equal(new Uri("http://acct.blob.core.windows.net"), cs.BlobEndpoint);
        Assert.Equal("a2V5", cs.AccountKey);
    }

    [Fact]
    public void RefusesAStringWithoutCredentials()
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=acct"));
    }

    [Fact]
    public void RefusesAKeywordWithoutValue()
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName"));
    }
}
#endif
