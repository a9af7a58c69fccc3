using OrgFunctions.Domain.SenderIds;
using OrgFunctions.Domain.Text;
using OrgFunctions.Http;

namespace OrgFunctions.SenderIds;

/// <summary>
/// <c>POST</c>: <c>{ channel, address, description? }</c>, the address validated for its channel. <c>PATCH</c>:
/// <c>{ description }</c> only (null clears it): an address is what a sender ID is, so a new one is removed and added, never edited.
/// </summary>
public sealed record SenderIdRequest(SenderAddress? Address, string? Description)
{
    public static SenderIdRequest? ReadCreate(JsonObjectReader body)
    {
        var channelName = body.String("channel", required: true);
        var text = body.String("address", required: true, maxLength: 320);
        var description = body.Text("description", TextLines.Multiple, maxLength: SenderId.MaxDescriptionLength);
        body.RejectUnknownFields();
        SenderAddress? address = null;
        if (channelName is not null)
        {
            if (!SenderChannels.TryParse(channelName, out var channel))
            {
                body.Errors.Add(body.PathOf("channel"), "must be one of " + string.Join(", ", SenderChannels.Names));
            }
            else if (text is not null && !SenderAddress.TryCreate(channel, text, out address, out var error))
            {
                body.Errors.Add(body.PathOf("address"), error);
            }
        }
        return body.Errors.Any ? null : new SenderIdRequest(address, description);
    }

    public static SenderIdRequest? ReadPatch(JsonObjectReader body)
    {
        foreach (var fixedField in new[] { "channel", "address" })
        {
            if (body.Has(fixedField))
            {
                body.Errors.Add(body.PathOf(fixedField), "can't be changed: remove the sender ID and add the new address");
            }
        }
        if (!body.Has("description"))
        {
            body.Errors.Add(body.PathOf("description"), "is required (null clears it)");
        }
        var description = body.Text("description", TextLines.Multiple, maxLength: SenderId.MaxDescriptionLength);
        body.RejectUnknownFields();
        return body.Errors.Any ? null : new SenderIdRequest(null, description);
    }
}
