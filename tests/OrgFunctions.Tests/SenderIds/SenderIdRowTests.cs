using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;
using OrgFunctions.Domain.SenderIds;
using OrgFunctions.SenderIds;
using OrgFunctions.Storage;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Tests.Builders;

namespace OrgFunctions.Tests.SenderIds;

/// <summary>The typed sender-ID row stores the columns provisioning's string-keyed copies stored, and reads the rows written before it.</summary>
public sealed class SenderIdRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly OrgApp _app = new(azurite);

    [Fact]
    public async Task ASenderIdRowStoresTheColumnsTheBagStored()
    {
        var parent = OrgPath.Root(OrgId.New());
        var child = parent.Child(OrgId.New());
        var sender = SenderId.Register("brand-uk", SenderAddress.Create(SenderChannel.Sms, "+447700900123"), "UK line")
            .AttachTo(parent.OrgId.Value, null);

        await StoredColumns.AssertSameAsync(_app.Tables.Orgs, SenderIdRow.Create(child, sender),
            new TableEntity(parent.RootId.Value, RowKeys.Sender(child.OrgId, "brand-uk"))
            {
                ["Kind"] = "sender", ["SenderId"] = "brand-uk", ["OrgId"] = child.OrgId.Value, ["Channel"] = "sms", ["Address"] = "+447700900123",
                ["Description"] = "UK line", ["AttachedFrom"] = parent.OrgId.Value,
            });
        await StoredColumns.AssertSameAsync(_app.Tables.Index, SenderIdRow.Claim(sender.Address, parent.RootId, "brand-uk"),
            new TableEntity(IndexKeys.SenderAddress("sms:+447700900123"), IndexKeys.RowKey) { ["RootId"] = parent.RootId.Value, ["SenderId"] = "brand-uk" });
    }

    [Fact]
    public async Task ARowWrittenBeforeChannelsReadsAsAnSmsSenderOfItsNumber()
    {
        var org = OrgPath.Root(OrgId.New());
        var legacy = new TableEntity(org.RootId.Value, RowKeys.Sender(org.OrgId, "brand-1"))
        {
            ["Kind"] = "sender", ["SenderId"] = "brand-1", ["OrgId"] = org.OrgId.Value, ["Number"] = "+447700900123",
        };

        var read = SenderIdRow.Read(await StoredColumns.ReadLegacyAsync<SenderIdEntity>(_app.Tables.Orgs, legacy));

        Assert.Equal(SenderChannel.Sms, read.SenderId.Address.Channel);
        Assert.Equal("+447700900123", read.SenderId.Address.Value);
        Assert.Null(read.SenderId.AttachedFrom);
    }
}
