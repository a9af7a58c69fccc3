using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OrgFunctions.Email;
using OrgFunctions.Secrets;
using OrgFunctions.Testing.Azurite;
using OrgFunctions.Webhooks;

namespace OrgFunctions.Tests.Builders;

/// <summary>
/// The org and webhook services over the shared Azurite without a host; Service Bus is a Moq sender that records
/// what is sent and scheduled (and can be told to fail after N sends, to crash a fan-out halfway).
/// </summary>
public sealed class WebhookApp
{
    public WebhookApp(AzuriteFixture azurite, params (string Key, string Value)[] settings)
        : this(azurite, null, settings)
    {
    }

    /// <summary>With <paramref name="tablePolicy"/> in the app's table pipeline (to step in between its requests).</summary>
    public WebhookApp(AzuriteFixture azurite, Azure.Core.Pipeline.HttpPipelinePolicy? tablePolicy, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns((ServiceBusMessage m, CancellationToken _) =>
            {
                if (FailAfter is int limit && Interlocked.Increment(ref _sends) > limit)
                {
                    throw new ServiceBusException("simulated outage", ServiceBusFailureReason.ServiceBusy);
                }
                Sent.Enqueue(m);
                return Task.CompletedTask;
            });
        sender.Setup(s => s.ScheduleMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((ServiceBusMessage m, DateTimeOffset at, CancellationToken _) =>
            {
                Scheduled.Enqueue((m, at));
                return Task.FromResult(1L);
            });
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(WebhookOptions.QueueName)).Returns(sender.Object);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        var tableOptions = new TableClientOptions();
        if (tablePolicy is not null)
        {
            tableOptions.AddPolicy(tablePolicy, Azure.Core.HttpPipelinePosition.PerCall);
        }
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString, tableOptions));
        services.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(client.Object);
        services.AddSecretProtection(configuration);
        services.AddOrgManagement();
        services.AddEmail(configuration);
        services.AddWebhooks(configuration);
        Services = services.BuildServiceProvider();
        Orgs = new OrgApp(azurite);
    }

    private int _sends;

    public IServiceProvider Services { get; }
    public OrgApp Orgs { get; }
    public ConcurrentQueue<ServiceBusMessage> Sent { get; } = new();
    public ConcurrentQueue<(ServiceBusMessage Message, DateTimeOffset At)> Scheduled { get; } = new();

    /// <summary>Sends beyond this many throw ServiceBusException (null: never).</summary>
    public int? FailAfter { get; set; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
