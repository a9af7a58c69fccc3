using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// The client the Functions host binds to <c>[DurableClient]</c>: it knows the query string the management URLs
/// carry (task hub, connection). Internal in the real extension too; the local host derives from it.
/// </summary>
internal abstract class FunctionsDurableTaskClient : DurableTaskClient
{
    protected FunctionsDurableTaskClient(string name)
        : base(name)
    {
    }

    /// <summary>Appended to every management URL, without the leading <c>?</c>; <c>null</c> for none.</summary>
    public abstract string? QueryString { get; }

    /// <summary>The management API's base, e.g. <c>http://127.0.0.1:7071/runtime/webhooks/durabletask</c>.</summary>
    public abstract string? HttpBaseUrl { get; }
}
