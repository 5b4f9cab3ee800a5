using System.Text.Json;
using FargateApi.Lambda.Tests.EndToEnd;

namespace FargateApi.Lambda.Tests.Hostile;

/// <summary>What must hold after any event, however hostile.</summary>
internal static class HostileAssertions
{
    /// <summary>
    /// One JSON object per line (CRLF, NUL or markup in the event cannot forge a line), every line with a level and a
    /// step, no exception that escaped the handler or the operation, and no trace of the ResponseURL's signature.
    /// </summary>
    public static void LogsAreWellFormed(SimulatedProvider provider)
    {
        foreach (var line in provider.LogTextLines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Contains(root.GetProperty("level").GetString(), new[] { "info", "warn", "error" });
            var step = root.GetProperty("step").GetString();
            Assert.NotEqual("invocation.unhandled", step);
            Assert.NotEqual("operation.bug", step);
        }

        Assert.DoesNotContain("X-Amz-Signature", provider.Logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(provider.BucketHostAndPort, provider.Logs, StringComparison.Ordinal);
    }
}
