using System.Globalization;
using System.Text;
using System.Xml;
using Azure.Core;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Internal;

namespace Azure.Storage.Blobs.Internal;

/// <summary>
/// Uploads a block blob. Content up to <see cref="SinglePutLimit"/> goes in one Put Blob; larger
/// content is staged as <see cref="BlockSize"/> blocks (Put Block) and committed with Put Block List,
/// so memory stays bounded by one block. Non-seekable streams are read one block at a time.
/// </summary>
internal sealed class BlobUploader(StorageClientContext context, Uri blobUri)
{
    public const long SinglePutLimit = 256L * 1024 * 1024;
    public const int BlockSize = 8 * 1024 * 1024;

    public async ValueTask<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options, bool async,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            return remaining <= SinglePutLimit
                ? await PutBlobAsync(RequestContent.Create(content), options, async, cancellationToken).ConfigureAwait(false)
                : await PutBlocksAsync(content, null, options, async, cancellationToken).ConfigureAwait(false);
        }

        var first = await ReadBlockAsync(content, async, cancellationToken).ConfigureAwait(false);
        return first.Length < BlockSize
            ? await PutBlobAsync(RequestContent.Create(first), options, async, cancellationToken).ConfigureAwait(false)
            : await PutBlocksAsync(content, first, options, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response<BlobContentInfo>> PutBlobAsync(RequestContent body, BlobUploadOptions? options, bool async,
        CancellationToken cancellationToken)
    {
        var message = context.CreateMessage(RequestMethod.Put, blobUri);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        AddBlobOptions(request, options);
        request.Content = body;
        var response = await context.SendAsync(message, async, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(BlobHeaderReader.ReadContentInfo(response), response);
    }

    private async ValueTask<Response<BlobContentInfo>> PutBlocksAsync(Stream content, ReadOnlyMemory<byte>? first, BlobUploadOptions? options,
        bool async, CancellationToken cancellationToken)
    {
        var blockIds = new List<string>();
        var block = first ?? await ReadBlockAsync(content, async, cancellationToken).ConfigureAwait(false);
        while (block.Length > 0)
        {
            var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
            var message = context.CreateMessage(RequestMethod.Put, blobUri);
            message.Request.Uri.AppendQuery("comp", "block");
            message.Request.Uri.AppendQuery("blockid", blockId);
            message.Request.SetIfNotEmpty("x-ms-lease-id", options?.Conditions?.LeaseId);
            message.Request.Content = RequestContent.Create(block);
            await context.SendAsync(message, async, cancellationToken, 201).ConfigureAwait(false);
            blockIds.Add(blockId);
            block = await ReadBlockAsync(content, async, cancellationToken).ConfigureAwait(false);
        }

        var commit = context.CreateMessage(RequestMethod.Put, blobUri);
        commit.Request.Uri.AppendQuery("comp", "blocklist");
        AddBlobOptions(commit.Request, options);
        commit.Request.Content = RequestContent.Create(BlockListXml(blockIds));
        var response = await context.SendAsync(commit, async, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(BlobHeaderReader.ReadContentInfo(response), response);
    }

    private static void AddBlobOptions(Request request, BlobUploadOptions? options)
    {
        request.AddBlobHttpHeaders(options?.HttpHeaders);
        request.AddMetadata(options?.Metadata);
        request.AddTags(options?.Tags);
        request.AddBlobConditions(options?.Conditions);
    }

    private static byte[] BlockListXml(List<string> blockIds)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("BlockList");
            foreach (var id in blockIds)
            {
                writer.WriteElementString("Latest", id);
            }
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static async ValueTask<ReadOnlyMemory<byte>> ReadBlockAsync(Stream content, bool async, CancellationToken cancellationToken)
    {
        var buffer = new byte[BlockSize];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = async
                ? await content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)
                : content.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return buffer.AsMemory(0, filled);
    }
}
