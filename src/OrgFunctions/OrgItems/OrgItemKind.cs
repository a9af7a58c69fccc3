using Azure;
using Azure.Data.Tables;
using OrgFunctions.Domain.Orgs;

namespace OrgFunctions.OrgItems;

/// <summary>
/// One kind of an org's own items kept in its tree's partition (roles, templates, and what the users, workspaces and
/// sender-ID features add): what a missing one is called in a 404, where its rows are keyed, and how a row is read.
/// </summary>
public sealed record OrgItemKind<T>(string What, Func<OrgId, string> Prefix, Func<OrgId, string, string> RowKey,
    Func<TableEntity, T> Read, Func<T, ETag> ETagOf) where T : class;
