using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Blobs;

public class BlobLeaseClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<BlobClient> NewBlobAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("lease"));
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("inbox/file.csv");
        await blob.UploadAsync(BinaryData.FromString("original"));
        return blob;
    }

    [Fact]
    public async Task SecondAcquireOfALeasedBlobIsRefusedWith409LeaseAlreadyPresent()
    {
        var blob = await NewBlobAsync();
        var first = blob.GetBlobLeaseClient();
        var lease = await first.AcquireAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(first.LeaseId, lease.Value.LeaseId);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(409, ex.Status);
        Assert.Equal("LeaseAlreadyPresent", ex.ErrorCode);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(LeaseState.Leased, properties.LeaseState);
        Assert.Equal(LeaseStatus.Locked, properties.LeaseStatus);
        Assert.Equal(LeaseDurationType.Fixed, properties.LeaseDuration);
    }

    [Fact]
    public async Task WritingALeasedBlobNeedsTheLeaseId()
    {
        var blob = await NewBlobAsync();
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        var upload = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("stolen"), overwrite: true));
        var metadata = await Assert.ThrowsAsync<RequestFailedException>(() => blob.SetMetadataAsync(new Dictionary<string, string> { ["a"] = "b" }));
        var delete = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync());
        Assert.All(new[] { upload, metadata, delete }, ex => Assert.Equal(412, ex.Status));
        Assert.Equal("LeaseIdMissing", upload.ErrorCode);

        var withLease = new BlobRequestConditions { LeaseId = lease.LeaseId };
        await blob.UploadAsync(BinaryData.FromString("updated"), new BlobUploadOptions { Conditions = withLease });
        await blob.SetMetadataAsync(new Dictionary<string, string> { ["state"] = "processing" }, withLease);
        Assert.Equal("updated", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.True((await blob.DeleteIfExistsAsync(conditions: withLease)).Value);
    }

    [Fact]
    public async Task RenewKeepsAndReleaseFreesTheLease()
    {
        var blob = await NewBlobAsync();
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        var leaseId = lease.LeaseId;
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        var renewed = await lease.RenewAsync();
        Assert.Equal(leaseId, renewed.Value.LeaseId);

        await lease.ReleaseAsync();
        Assert.Equal(LeaseState.Available, (await blob.GetPropertiesAsync()).Value.LeaseState);

        var next = blob.GetBlobLeaseClient();
        await next.AcquireAsync(TimeSpan.FromSeconds(15));
        Assert.NotEqual(leaseId, next.LeaseId);
    }

    [Fact]
    public async Task BreakEndsTheLeaseSoAnotherAcquireWorks()
    {
        var blob = await NewBlobAsync();
        var holder = blob.GetBlobLeaseClient();
        await holder.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        var broken = await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);

        Assert.Equal(0, broken.Value.LeaseTime);
        Assert.Equal(LeaseState.Broken, (await blob.GetPropertiesAsync()).Value.LeaseState);
        var renew = await Assert.ThrowsAsync<RequestFailedException>(() => holder.RenewAsync());
        Assert.Equal(409, renew.Status);
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ChangeGivesTheLeaseANewId()
    {
        var blob = await NewBlobAsync();
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(20));
        var proposed = Guid.NewGuid().ToString();

        var changed = await lease.ChangeAsync(proposed);

        Assert.Equal(proposed, changed.Value.LeaseId);
        Assert.Equal(proposed, lease.LeaseId);
        await blob.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = proposed });
    }

    [Fact]
    public async Task ReleaseWithAnotherLeaseIdIsRefused()
    {
        var blob = await NewBlobAsync();
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(20));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient(Guid.NewGuid().ToString()).ReleaseAsync());

        Assert.Equal(409, ex.Status);
        Assert.Equal("LeaseIdMismatchWithLeaseOperation", ex.ErrorCode);
    }
}
