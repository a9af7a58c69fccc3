using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Blobs;

public class BlobContainerClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateIfNotExistsExistsAndDeleteIfExistsFollowTheContainersLifetime()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("life"));
        Assert.False((await container.ExistsAsync()).Value);

        Assert.NotNull(await container.CreateIfNotExistsAsync());
        await container.CreateIfNotExistsAsync();
        Assert.True((await container.ExistsAsync()).Value);

        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task BlobInAMissingContainerFailsWith404ContainerNotFound()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("absent"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("a")));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ContainerNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task ListingLargerThanAPageReturnsEachBlobOnceAndResumesFromAContinuationToken()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("list"));
        await container.CreateAsync();
        var inbox = Enumerable.Range(0, 30).Select(i => $"org1/inbox/{i:D2}.csv").ToList();
        foreach (var name in inbox.Concat(["org1/processed/old.csv", "org2/inbox/other.csv"]))
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name));
        }

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "org1/inbox/" }).AsPages(pageSizeHint: 7))
        {
            pages.Add(page);
        }

        Assert.Equal(5, pages.Count);
        Assert.All(pages.Take(4), p => Assert.Equal(7, p.Values.Count));
        Assert.Equal(inbox, pages.SelectMany(p => p.Values).Select(b => b.Name).ToList());
        Assert.NotNull(pages[1].ContinuationToken);

        var resumed = container.GetBlobs(BlobTraits.None, BlobStates.None, "org1/inbox/", CancellationToken.None)
            .AsPages(pages[1].ContinuationToken, 7).SelectMany(p => p.Values).Select(b => b.Name).ToList();
        Assert.Equal(inbox.Skip(14), resumed);
    }

    [Fact]
    public async Task ListingWithMetadataTraitReturnsPropertiesAndMetadata()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("listmeta"));
        await container.CreateAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("abc"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["kind"] = "report" },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
        });

        var item = Assert.Single(container.GetBlobs(new GetBlobsOptions { Traits = BlobTraits.Metadata }));

        Assert.Equal("a.txt", item.Name);
        Assert.Equal(3, item.Properties.ContentLength);
        Assert.Equal("text/plain", item.Properties.ContentType);
        Assert.Equal("report", item.Metadata["kind"]);
    }

    [Fact]
    public async Task AccountConnectionStringWithExplicitEndpointsReachesTheService()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("cs");
        var container = service.GetBlobContainerClient(name);
        await container.CreateAsync();

        Assert.Equal(AzuriteServer.AccountName, service.AccountName);
        Assert.Equal(name, container.Name);
        Assert.StartsWith(azurite.Server.BlobEndpoint.ToString().TrimEnd('/'), container.Uri.ToString());
        Assert.True((await new BlobContainerClient(container.Uri,
            new StorageSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey)).ExistsAsync()).Value);
    }

    [Fact]
    public async Task WrongAccountKeyIsRefusedWith403()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var container = new BlobContainerClient(new Uri(azurite.Server.BlobEndpoint + "/" + AzuriteFixture.UniqueName("key")),
            new StorageSharedKeyCredential(AzuriteServer.AccountName, wrongKey),
            new BlobClientOptions { Retry = { MaxRetries = 0 } });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateAsync());

        Assert.Equal(403, ex.Status);
        Assert.DoesNotContain(wrongKey, ex.Message);
    }
}
