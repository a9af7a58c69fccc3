using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using OrgFunctions.Testing.Azurite;

namespace OfflineAzureSdk.ContractTests.Tables;

/// <summary>Keys Azure refuses are refused by the client before any request is made.</summary>
public class TableKeyValidationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, string> BadKeys => new()
    {
        { "slash/", "'/'" },
        { "back\\slash", "'\\'" },
        { "hash#", "'#'" },
        { "question?", "'?'" },
        { "tab\t", "U+0009" },
        { "nul\0", "U+0000" },
        { "del\u007F", "U+007F" },
        { "c1\u0085", "U+0085" },
    };

    [OfflineOnlyTheory]
    [MemberData(nameof(BadKeys))]
    public async Task AKeyWithAForbiddenCharacterIsRefusedBeforeAnyRequest(string badKey, string shownCharacter)
    {
        var transport = new CountingTransport();
        var table = new TableClient(azurite.ConnectionString, "nosuchtable", new TableClientOptions { Transport = transport });

        var asPartitionKey = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(badKey, "r")));
        var asRowKey = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity("p", badKey)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync<TableEntity>("p", badKey));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(badKey, "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", badKey))]));

        Assert.Contains("PartitionKey", asPartitionKey.Message);
        Assert.Contains(shownCharacter, asPartitionKey.Message);
        Assert.Contains("RowKey", asRowKey.Message);
        Assert.Equal(0, transport.Requests);
    }

    /// <summary>Counts requests instead of sending them.</summary>
    private sealed class CountingTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = new();
        private int _requests;

        public int Requests => _requests;

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message)
        {
            Interlocked.Increment(ref _requests);
            throw new InvalidOperationException("No request should have been sent.");
        }

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Process(message);
            return ValueTask.CompletedTask;
        }
    }
}
