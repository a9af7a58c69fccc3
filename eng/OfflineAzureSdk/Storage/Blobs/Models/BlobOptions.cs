namespace Azure.Storage.Blobs.Models;

public class BlobUploadOptions
{
    public BlobHttpHeaders? HttpHeaders { get; set; }
    public IDictionary<string, string>? Metadata { get; set; }
    public IDictionary<string, string>? Tags { get; set; }
    public BlobRequestConditions? Conditions { get; set; }
}

public class BlobDownloadOptions
{
    public HttpRange Range { get; set; }
    public BlobRequestConditions? Conditions { get; set; }
}

public class GetBlobsOptions
{
    public BlobTraits Traits { get; set; }
    public BlobStates States { get; set; }
    public string? Prefix { get; set; }
}

public class BlobContainerEncryptionScopeOptions
{
    public string? DefaultEncryptionScope { get; set; }
    public bool PreventEncryptionScopeOverride { get; set; }
}
