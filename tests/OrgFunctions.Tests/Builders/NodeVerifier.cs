using System.Diagnostics;
using System.Text.Json;
using OrgFunctions.Testing;

namespace OrgFunctions.Tests.Builders;

/// <summary>Verifies received webhooks with the standardwebhooks npm package (tests/node/lib/verify-webhooks.mjs).</summary>
public static class NodeVerifier
{
    public static async Task<(int Verified, string Failures)> VerifyAsync(IEnumerable<ReceivedWebhook> received, string secret)
    {
        var file = Path.Combine(Path.GetTempPath(), $"webhooks-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(received.Select(r => new
            {
                secret,
                body = r.Body,
                headers = new Dictionary<string, string>
                {
                    ["webhook-id"] = r.Id, ["webhook-timestamp"] = r.Timestamp, ["webhook-signature"] = r.Signature,
                },
            })));
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "node", "lib", "verify-webhooks.mjs"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (output.Length == 0)
            {
                return (0, errors);
            }
            using var result = JsonDocument.Parse(output);
            return (result.RootElement.GetProperty("verified").GetInt32(), result.RootElement.GetProperty("failed").ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
