using System.Diagnostics;
using System.Net.Sockets;

namespace OrgFunctions.Testing.Azurite;

/// <summary>
/// An Azurite process with in-memory data on free loopback ports (DESIGN §8). One is shared by
/// every test in a process and stopped when the process exits.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key: public, documented, and accepted by nothing but Azurite.
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<AzuriteServer> LazyShared = new(() => Start(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The process-wide instance, started on first use.</summary>
    public static AzuriteServer Shared => LazyShared.Value;

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>
    /// Starts a new instance; most tests want <see cref="Shared"/> instead. With <paramref name="indexedPointLookups"/>,
    /// Azurite finds an entity by its RowKey index instead of scanning its partition (eng/azurite/row-key-first.cjs),
    /// for benchmarks that fill one partition with 100,000 entities.
    /// </summary>
    public static AzuriteServer Start(bool indexedPointLookups = false)
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run `npm ci` in {RepoPaths.Root}.");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (blob, queue, table) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
            var start = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
                    "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                    "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                    "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (indexedPointLookups)
            {
                start.ArgumentList.Insert(0, Path.Combine(RepoPaths.Root, "eng", "azurite", "row-key-first.cjs"));
                start.ArgumentList.Insert(0, "--require");
            }
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var server = new AzuriteServer(process, blob, queue, table);
            try
            {
                server.WaitUntilListening(TimeSpan.FromSeconds(30));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
                return server;
            }
            catch (Exception ex)
            {
                last = ex;
                server.Dispose();
            }
        }
        throw new InvalidOperationException("Azurite did not start.", last);
    }

    private void WaitUntilListening(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}.");
            }
            if (IsListening(BlobPort) && IsListening(QueuePort) && IsListening(TablePort))
            {
                return;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("Azurite did not listen in time.");
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
