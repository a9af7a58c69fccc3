using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrgFunctions.Application;
using OrgFunctions.Http;

namespace OrgFunctions.Tests.Http;

/// <summary>The one paging shape: <c>maxPerPage</c> and <c>continuationToken</c> resolved at the edge into a page request.</summary>
public class PagingTests
{
    private static readonly PageLimits Limits = new(DefaultSize: 20, MaxSize: 50);

    [Fact]
    public void WithoutParametersItIsTheFirstPageOfTheListingsDefaultSize()
    {
        Assert.True(Api.TryPage(Request(""), Limits, out var page, out _));
        Assert.Equal(new PageRequest(20, null), page);
    }

    [Fact]
    public void ASizeWithinTheLimitsAndAnIssuedTokenAreResolvedToStoragesToken()
    {
        var token = PageTokens.Encode("1!8!cm9vdA--");

        Assert.True(Api.TryPage(Request($"?maxPerPage=50&continuationToken={token}"), Limits, out var page, out _));
        Assert.Equal(new PageRequest(50, "1!8!cm9vdA--"), page);
    }

    [Theory]
    [InlineData("?maxPerPage=0", "maxPerPage", "must be from 1 to 50")]
    [InlineData("?maxPerPage=51", "maxPerPage", "must be from 1 to 50")]
    [InlineData("?maxPerPage=ten", "maxPerPage", "must be a whole number")]
    [InlineData("?maxPerPage=-1", "maxPerPage", "must be a whole number")]
    [InlineData("?continuationToken=***", "continuationToken", PageTokens.Refusal)]
    public void ABadParameterIsA400NamingIt(string query, string field, string reason)
    {
        Assert.False(Api.TryPage(Request(query), Limits, out _, out var problem));

        Assert.Equal([(field, reason)], Errors(problem!));
    }

    [Fact]
    public void BothBadParametersAreNamedInOneAnswer()
    {
        Assert.False(Api.TryPage(Request("?maxPerPage=0&continuationToken=***"), Limits, out _, out var problem));

        Assert.Equal(["continuationToken", "maxPerPage"], Errors(problem!).Select(e => e.Field));
    }

    private static HttpRequest Request(string query)
    {
        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString(query);
        return request;
    }

    private static IEnumerable<(string Field, string Reason)> Errors(IActionResult problem)
    {
        var details = Assert.IsType<ValidationProblemDetails>(Assert.IsAssignableFrom<ObjectResult>(problem).Value);
        return details.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).SelectMany(e => e.Value.Select(v => (e.Key, v)));
    }
}
