using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Blobs;

public class BlobClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("blobs"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    [Fact]
    public async Task UploadedContentDownloadsAsContentAndAsStream()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("inbox/org 1/file.csv");
        await blob.UploadAsync(BinaryData.FromString("id,name\n1,Alpha\n"));

        var content = await blob.DownloadContentAsync();
        Assert.Equal("id,name\n1,Alpha\n", content.Value.Content.ToString());
        Assert.Equal(content.Value.Content.ToArray().Length, content.Value.Details.ContentLength);
        Assert.NotEqual(default, content.Value.Details.ETag);

        using var streaming = (await blob.DownloadStreamingAsync()).Value;
        using var reader = new StreamReader(streaming.Content, Encoding.UTF8);
        Assert.Equal("id,name\n1,Alpha\n", await reader.ReadToEndAsync());
        Assert.Equal("inbox/org 1/file.csv", blob.Name);
        Assert.Equal(container.Name, blob.BlobContainerName);
    }

    [Fact]
    public void SynchronousUploadOfAStreamRoundTrips()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("blobs"));
        container.CreateIfNotExists();
        var blob = container.GetBlobClient("sync.bin");
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray();

        blob.Upload(new MemoryStream(bytes));

        Assert.Equal(bytes, blob.DownloadContent().Value.Content.ToArray());
    }

    [Fact]
    public async Task LargeNonSeekableStreamUploadsCompletelyWithItsMetadata()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("large.bin");
        var bytes = new byte[9 * 1024 * 1024 + 123];
        new Random(42).NextBytes(bytes);

        await blob.UploadAsync(new ForwardOnlyStream(bytes), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["size"] = "large" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        });

        var download = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(bytes.Length, download.Details.ContentLength);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes), System.Security.Cryptography.SHA256.HashData(download.Content.ToArray()));
        Assert.Equal("large", download.Details.Metadata["size"]);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task UploadWithoutOverwriteOfAnExistingBlobIsRefusedWith409BlobAlreadyExists()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("once.txt");
        await blob.UploadAsync(BinaryData.FromString("first"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second")));

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadWithOverwriteReplacesTheContent()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("twice.txt");
        await blob.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("first")), overwrite: false);

        await blob.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("second")), overwrite: true);

        Assert.Equal("second", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task ExistsAndDeleteIfExistsFollowTheBlobsLifetime()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("short-lived.txt");
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);

        await blob.UploadAsync(BinaryData.FromString("x"));
        Assert.True((await blob.ExistsAsync()).Value);
        Assert.True((await blob.DeleteIfExistsAsync()).Value);

        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task DeleteOfAMissingBlobFailsWith404()
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing").DeleteAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("BlobNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task PropertiesAndMetadataRoundTrip()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("report.json");
        var uploaded = await blob.UploadAsync(BinaryData.FromString("{\"ok\":true}"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["source"] = "sftp", ["attempt"] = "1" },
        });

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(11, properties.ContentLength);
        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal("sftp", properties.Metadata["source"]);
        Assert.Equal("1", properties.Metadata["attempt"]);
        Assert.Equal(LeaseState.Available, properties.LeaseState);
        Assert.Equal(LeaseStatus.Unlocked, properties.LeaseStatus);
        Assert.True(properties.LastModified > DateTimeOffset.UtcNow.AddHours(-1));

        await blob.SetMetadataAsync(new Dictionary<string, string> { ["attempt"] = "2" });

        var download = (await blob.DownloadContentAsync()).Value;
        Assert.Equal("2", download.Details.Metadata["attempt"]);
        Assert.False(download.Details.Metadata.ContainsKey("source"));
        Assert.Equal("application/json", download.Details.ContentType);
    }

    [Fact]
    public async Task UploadWithIfMatchOfAStaleETagFailsWith412()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("guarded.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3"),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } }));

        Assert.Equal(412, ex.Status);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadOfAMissingBlobFailsWith404BlobNotFound()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("nothing-here.txt");

        var content = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        var streaming = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadStreamingAsync());
        var properties = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());

        foreach (var ex in new[] { content, streaming, properties })
        {
            Assert.Equal(404, ex.Status);
            Assert.Equal("BlobNotFound", ex.ErrorCode);
        }
    }

    [Fact]
    public async Task OpenReadStreamsTheBlobFromAPosition()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("letters.txt");
        await blob.UploadAsync(BinaryData.FromString("abcdefghij"));

        await using var stream = await blob.OpenReadAsync(position: 4);
        using var reader = new StreamReader(stream);

        Assert.Equal("efghij", await reader.ReadToEndAsync());
    }
}
