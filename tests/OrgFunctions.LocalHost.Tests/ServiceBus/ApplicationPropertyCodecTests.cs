using OrgFunctions.LocalHost.ServiceBus;

namespace OrgFunctions.LocalHost.Tests.ServiceBus;

public sealed class ApplicationPropertyCodecTests
{
    public static TheoryData<object> Values() => new()
    {
        "text", true, (byte)1, (short)-2, 3, 4u, -5L, 6UL, 1.5f, 0.1, 2.5m, 'c', Guid.NewGuid(),
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-3)),
        TimeSpan.FromMilliseconds(1234), new Uri("https://example.test/x"),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ValueComesBackWithItsTypeAndValue(object value)
    {
        var back = ApplicationPropertyCodec.Read(ApplicationPropertyCodec.Write("p", value));

        Assert.IsType(value.GetType(), back);
        Assert.Equal(value, back);
    }

    [Fact]
    public void NullComesBackAsNull() => Assert.Null(ApplicationPropertyCodec.Read(ApplicationPropertyCodec.Write("p", null)));
}
