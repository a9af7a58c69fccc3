using System.Text;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OrgFunctions.Secrets;

/// <summary>
/// The Data Protection key ring in a blob container of its own, one blob per key element. Stands in for
/// <c>PersistKeysToAzureBlobStorage</c> (Azure.Extensions.AspNetCore.DataProtection.Blobs), which our NuGet source doesn't
/// serve (docs/decisions/0014). Elements are only ever added: a blob is written once (If-None-Match *), so two instances
/// adding keys at the same time can't overwrite each other. The interface is synchronous, hence the synchronous calls;
/// Data Protection makes them once per ring refresh, not per payload.
/// </summary>
public sealed class BlobXmlRepository(BlobContainerClient container) : IXmlRepository
{
    private readonly Lazy<bool> _created = new(() =>
    {
        container.CreateIfNotExists();
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _created.Value;
        var elements = new List<XElement>();
        foreach (var item in container.GetBlobs(BlobTraits.None, BlobStates.None, prefix: null, CancellationToken.None))
        {
            var content = container.GetBlobClient(item.Name).DownloadContent().Value.Content;
            using var stream = content.ToStream();
            elements.Add(XElement.Load(stream));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ = _created.Value;
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            element.Save(writer);
        }
        stream.Position = 0;
        // The friendly name is "key-{guid}" for keys; a fresh suffix keeps any other element from meeting an existing blob.
        var name = $"{Sanitise(friendlyName)}-{Guid.NewGuid():N}.xml";
        container.GetBlobClient(name).Upload(stream, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        });
    }

    private static string Sanitise(string friendlyName) =>
        string.Concat((friendlyName ?? "element").Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
}
