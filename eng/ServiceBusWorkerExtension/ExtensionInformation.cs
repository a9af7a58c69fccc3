using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// The real package names the host-side extension it needs, so the Worker SDK's extension step installs it.
[assembly: ExtensionInformation("Microsoft.Azure.WebJobs.Extensions.ServiceBus", "5.17.0")]
