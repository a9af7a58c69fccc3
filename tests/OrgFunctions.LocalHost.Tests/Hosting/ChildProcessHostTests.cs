using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using OrgFunctions.LocalHost.Tests.Support;
using OrgFunctions.Testing;

namespace OrgFunctions.LocalHost.Tests.Hosting;

/// <summary>The host as its own process, hosting this assembly's samples through --functions-assembly.</summary>
public sealed class ChildProcessHostTests
{
    private static string HostDll()
    {
        var configuration = typeof(ChildProcessHostTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepoPaths.Root, "src", "OrgFunctions.LocalHost", "bin", configuration, "net10.0", "OrgFunctions.LocalHost.dll");
    }

    [Fact]
    public async Task AChildProcessHostServesFunctionsOfAnExtraAssembly()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(HostDll());
        foreach (var arg in SampleHost.Arguments())
        {
            start.ArgumentList.Add(arg == "0" ? port.ToString() : arg);
        }
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var body = await PollAsync(client, "api/hello?name=Child", process);
            Assert.Equal("Hello, Child!", body.GetProperty("greeting").GetString());
            lock (output)
            {
                Assert.Contains($"hello: [GET] http://127.0.0.1:{port}/api/hello", output.ToString());
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Process process)
    {
        var deadline = DateTime.UtcNow + Await.Bound;
        while (true)
        {
            Assert.False(process.HasExited, "The host exited.");
            try
            {
                return await client.GetFromJsonAsync<JsonElement>(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
