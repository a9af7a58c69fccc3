using Azure.Core;

namespace Azure.Data.Tables;

public class TableClientOptions : ClientOptions
{
    public TableClientOptions(ServiceVersion serviceVersion = ServiceVersion.V2020_12_06)
    {
        Version = serviceVersion switch
        {
            ServiceVersion.V2019_02_02 => "2019-02-02",
            ServiceVersion.V2020_12_06 => "2020-12-06",
            _ => throw new NotSupportedException($"TableClientOptions.ServiceVersion {serviceVersion} is not supported."),
        };
    }

    /// <summary>The x-ms-version header value sent with every request.</summary>
    internal string Version { get; }

    public enum ServiceVersion
    {
        V2019_02_02 = 1,
        V2020_12_06 = 2,
    }
}
