using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace OrgFunctions.Testing.Hosting;

/// <summary>
/// The local host (src/OrgFunctions.LocalHost) as a child <c>dotnet</c> process on a free loopback port, for tests
/// that need a real process to kill (SIGKILL) mid-work and start again. Disposing kills it if it still runs, so no
/// host outlives its test.
/// </summary>
public sealed class ChildLocalHost : IAsyncDisposable
{
    private const int RecentChars = 4000;

    private static readonly TimeSpan StartupBound = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildLocalHost(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>A client on <see cref="BaseAddress"/>, disposed with the host.</summary>
    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the host printed (stdout and stderr) so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The end of <see cref="Output"/>, short enough for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                var length = Math.Min(_output.Length, RecentChars);
                return _output.ToString(_output.Length - length, length);
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet OrgFunctions.LocalHost.dll ARGUMENTS --port FREE</c> in the repository root. The host takes
    /// the last <c>--port</c>, so a <c>--port 0</c> in a shared argument list is overridden.
    /// </summary>
    public static ChildLocalHost Start(params IEnumerable<string> arguments)
    {
        var hostDll = HostDll();
        if (!File.Exists(hostDll))
        {
            throw new FileNotFoundException($"The local host is not built at {hostDll}: build the solution (./test.sh does).", hostDll);
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in (string[])[hostDll, .. arguments, "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var host = new ChildLocalHost(Process.Start(start)!, port);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until GET <paramref name="path"/> gets any HTTP answer; fails with the output if the host exits first.</summary>
    public async Task WaitUntilAnswersAsync(string path)
    {
        var deadline = DateTime.UtcNow + StartupBound;
        while (true)
        {
            ThrowIfExited($"it to answer {path}");
            try
            {
                using var response = await Client.GetAsync(path);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException ex)
            {
                throw new TimeoutException($"The local host did not answer {path} in time:\n{RecentOutput}", ex);
            }
        }
    }

    /// <summary>For waits on something the host does: fails at once, with its output, once the host has died.</summary>
    public void ThrowIfExited(string waitingFor)
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException(
                $"The local host exited with code {_process.ExitCode} while waiting for {waitingFor}:\n{RecentOutput}");
        }
    }

    /// <summary>SIGKILL, no graceful shutdown (what a crash looks like), then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        _process.Dispose();
    }

    // The test projects reference the host project, so building them builds it in the same configuration.
    private static string HostDll()
    {
        var configuration = typeof(ChildLocalHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepoPaths.Root, "src", "OrgFunctions.LocalHost", "bin", configuration, "net10.0", "OrgFunctions.LocalHost.dll");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return; // end of the stream
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
