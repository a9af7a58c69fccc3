using OrgFunctions.Domain.Text;
using OrgFunctions.Domain.Workspaces;
using OrgFunctions.Http;

namespace OrgFunctions.Workspaces;

/// <summary><c>{ name, description? }</c> for creating a workspace; each invalid field is named.</summary>
public sealed record WorkspaceRequest(WorkspaceName Name, string? Description)
{
    public static WorkspaceRequest? Read(JsonObjectReader body)
    {
        var name = body.String("name", required: true, minLength: 1, maxLength: WorkspaceName.MaxLength);
        var description = body.Text("description", TextLines.Multiple, maxLength: WorkspaceDescription.MaxLength);
        body.RejectUnknownFields();
        WorkspaceName? valid = null;
        if (name is not null && !WorkspaceName.TryCreate(name, out valid, out var error))
        {
            body.Errors.Add(body.PathOf("name"), error);
        }
        return body.Errors.Any ? null : new WorkspaceRequest(valid!, description);
    }
}

/// <summary><c>PATCH .../workspaces/{id}</c>: the fields present change; <c>description: null</c> clears it.</summary>
public sealed record WorkspacePatch(WorkspaceName? Name, bool HasDescription, string? Description)
{
    public static WorkspacePatch? Read(JsonObjectReader body)
    {
        var name = body.String("name", minLength: 1, maxLength: WorkspaceName.MaxLength);
        // Not Properties(): that marks every field known, and unknown fields would pass unnamed.
        var hasDescription = body.Has("description");
        var description = body.Text("description", TextLines.Multiple, maxLength: WorkspaceDescription.MaxLength);
        body.RejectUnknownFields();
        WorkspaceName? valid = null;
        if (name is not null && !WorkspaceName.TryCreate(name, out valid, out var error))
        {
            body.Errors.Add(body.PathOf("name"), error);
        }
        return body.Errors.Any ? null : new WorkspacePatch(valid, hasDescription, description);
    }
}

/// <summary><c>{ accessLevel: owner | manager | agent }</c> for giving a member access to a workspace.</summary>
public sealed record WorkspaceAccessRequest(AccessLevel Level)
{
    public static WorkspaceAccessRequest? Read(JsonObjectReader body)
    {
        var text = body.String("accessLevel", required: true);
        body.RejectUnknownFields();
        var level = AccessLevel.Agent;
        if (text is not null && !AccessLevels.TryParse(text, out level, out var error))
        {
            body.Errors.Add(body.PathOf("accessLevel"), error);
        }
        return body.Errors.Any ? null : new WorkspaceAccessRequest(level);
    }
}
