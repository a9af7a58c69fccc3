using Azure.Core;

namespace Azure.Storage.Queues;

public class QueueClientOptions : ClientOptions
{
    internal const ServiceVersion LatestVersion = ServiceVersion.V2026_10_06;

    public QueueClientOptions(ServiceVersion version = LatestVersion)
    {
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown service version.");
        }
        Version = version;
    }

    public ServiceVersion Version { get; }

    /// <summary>How message text is put on the wire; readers and writers of a queue must agree.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.None;

    public enum ServiceVersion
    {
        V2019_02_02 = 1,
        V2019_07_07 = 2,
        V2019_12_12 = 3,
        V2020_02_10 = 4,
        V2020_04_08 = 5,
        V2020_06_12 = 6,
        V2020_08_04 = 7,
        V2020_10_02 = 8,
        V2020_12_06 = 9,
        V2021_02_12 = 10,
        V2021_04_10 = 11,
        V2021_06_08 = 12,
        V2021_08_06 = 13,
        V2021_10_04 = 14,
        V2021_12_02 = 15,
        V2022_11_02 = 16,
        V2023_01_03 = 17,
        V2023_05_03 = 18,
        V2023_08_03 = 19,
        V2023_11_03 = 20,
        V2024_02_04 = 21,
        V2024_05_04 = 22,
        V2024_08_04 = 23,
        V2024_11_04 = 24,
        V2025_01_05 = 25,
        V2025_05_05 = 26,
        V2025_07_05 = 27,
        V2025_11_05 = 28,
        V2026_02_06 = 29,
        V2026_04_06 = 30,
        V2026_06_06 = 31,
        V2026_10_06 = 32,
    }
}

public enum QueueMessageEncoding
{
    None = 0,
    Base64 = 1,
}
