using System.Text.Json.Serialization;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>The management URLs of an orchestration instance (Worker.Extensions.DurableTask).</summary>
public class HttpManagementPayload
{
    [JsonPropertyName("id")]
    public string Id { get; internal set; } = string.Empty;

    [JsonPropertyName("purgeHistoryDeleteUri")]
    public string PurgeHistoryDeleteUri { get; internal set; } = string.Empty;

    [JsonPropertyName("sendEventPostUri")]
    public string SendEventPostUri { get; internal set; } = string.Empty;

    [JsonPropertyName("statusQueryGetUri")]
    public string StatusQueryGetUri { get; internal set; } = string.Empty;

    [JsonPropertyName("terminatePostUri")]
    public string TerminatePostUri { get; internal set; } = string.Empty;

    [JsonPropertyName("suspendPostUri")]
    public string SuspendPostUri { get; internal set; } = string.Empty;

    [JsonPropertyName("resumePostUri")]
    public string ResumePostUri { get; internal set; } = string.Empty;

    // The real class declares these too but the extension never fills them in; they serialize as null.
    [JsonPropertyName("rewindPostUri")]
    public string? RewindPostUri { get; internal set; }

    [JsonPropertyName("restartPostUri")]
    public string? RestartPostUri { get; internal set; }
}
