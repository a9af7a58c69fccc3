using System.Text.Json;
using OrgFunctions.Application;
using OrgFunctions.Http;

namespace OrgFunctions.Tests.Http;

public class JsonObjectReaderTests
{
    private static JsonObjectReader Reader(string json) => new(JsonDocument.Parse(json).RootElement, new FieldErrors());

    [Fact]
    public void NamesEveryInvalidFieldInOneGo()
    {
        var reader = Reader("""{"orgName":"","owner":{"email":5},"extra":true,"count":"3"}""");

        reader.String("orgName", required: true, minLength: 1, maxLength: 200);
        var owner = reader.Object("owner", required: true)!;
        owner.String("email", required: true);
        owner.String("displayName", required: true);
        owner.RejectUnknownFields();
        reader.Int32("count");
        reader.RejectUnknownFields();

        var errors = reader.Errors.ToDictionary();
        Assert.Equal(["count", "extra", "orgName", "owner.displayName", "owner.email"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is not a known field"], errors["extra"]);
        Assert.Equal(["must not be empty"], errors["orgName"]);
    }

    [Fact]
    public void HasSeesANullFieldAndMarksOnlyThatFieldKnown()
    {
        var reader = Reader("""{"description":null,"colour":"red"}""");

        Assert.True(reader.Has("description"));
        Assert.False(reader.Has("name"));
        reader.RejectUnknownFields();

        Assert.Equal(["colour"], reader.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void ReadsValidFieldsWithoutErrors()
    {
        var reader = Reader("""{"name":"Acme","attempts":5,"on":true,"names":["a","b"],"missing":null}""");

        Assert.Equal("Acme", reader.String("name", required: true, maxLength: 200));
        Assert.Equal(5, reader.Int32("attempts", min: 1, max: 20));
        Assert.True(reader.Boolean("on"));
        Assert.Equal(["a", "b"], reader.StringArray("names"));
        Assert.Null(reader.String("missing"));
        reader.RejectUnknownFields();
        Assert.False(reader.Errors.Any);
    }

    [Fact]
    public void TooLongStringsAndOutOfRangeNumbersAreErrors()
    {
        var reader = Reader($$"""{"name":"{{new string('n', 201)}}","attempts":21,"ratio":1.5}""");

        reader.String("name", maxLength: 200);
        reader.Int32("attempts", min: 1, max: 20);
        reader.Int32("ratio");

        Assert.Equal(3, reader.Errors.ToDictionary().Count);
    }

    [Fact]
    public void ArrayItemsOfTheWrongTypeAreNamedByIndex()
    {
        var reader = Reader("""{"names":["a",2,"c",null]}""");

        reader.StringArray("names");

        Assert.Equal(["names[1]", "names[3]"], reader.Errors.ToDictionary().Keys);
    }
}
