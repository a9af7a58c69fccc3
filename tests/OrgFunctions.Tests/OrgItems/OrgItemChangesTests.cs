using OrgFunctions.Storage;
using Azure;
using OrgFunctions.Application;
using OrgFunctions.OrgItems;
using OrgFunctions.Orgs;

namespace OrgFunctions.Tests.OrgItems;

/// <summary>Every kind of org item is found and its changes answered the same way.</summary>
public class OrgItemChangesTests
{
    private sealed record Item(ETag ETag);

    private static readonly Item Stored = new(new ETag("W/\"1\""));
    private static readonly Failure Taken = Failure.Field("name", "is taken");

    [Fact]
    public async Task AMissingItemIsA404NamingItsKind()
    {
        var found = await OrgItemChanges.FindForChangeAsync(Task.FromResult<Item?>(null), "widget", i => i.ETag, null);

        Assert.Equal(new Failure.NotFound("widget"), found.Failure);
    }

    [Fact]
    public async Task AnIfMatchOfAnotherVersionIsA412AndTheStoredOneOrAStarFindsIt()
    {
        var other = await OrgItemChanges.FindForChangeAsync(Task.FromResult<Item?>(Stored), "widget", i => i.ETag, new ETag("W/\"2\""));
        var same = await OrgItemChanges.FindForChangeAsync(Task.FromResult<Item?>(Stored), "widget", i => i.ETag, Stored.ETag);
        var any = await OrgItemChanges.FindForChangeAsync(Task.FromResult<Item?>(Stored), "widget", i => i.ETag, ETag.All);

        Assert.IsType<Failure.PreconditionFailed>(other.Failure);
        Assert.Same(Stored, same.Value);
        Assert.Same(Stored, any.Value);
    }

    [Fact]
    public void AStaleWriteIsA412UnderIfMatchAnd409WithoutAndAnyOtherConflictIsTheKindsOwn()
    {
        Assert.Null(OrgItemChanges.Refusal(WriteResult.Ok, null, "widget", Taken));
        Assert.IsType<Failure.PreconditionFailed>(OrgItemChanges.Refusal(WriteResult.Stale, Stored.ETag, "widget", Taken));
        Assert.Equal(new Failure.Conflict("The widget was changed meanwhile; read it again and retry."),
            OrgItemChanges.Refusal(WriteResult.Stale, null, "widget", Taken));
        Assert.Same(Taken, OrgItemChanges.Refusal(WriteResult.Conflict(1), Stored.ETag, "widget", Taken));
    }
}
