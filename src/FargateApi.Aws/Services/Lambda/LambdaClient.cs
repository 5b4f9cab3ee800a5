using System.Net;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Services.Lambda;

/// <summary>
/// Lambda Invoke over rest-json: <c>POST /2015-03-31/functions/{FunctionName}/invocations</c>, the function name or ARN
/// URI-encoded as a path label (so an ARN's ':' become %3A), the payload as the raw body.
/// </summary>
internal sealed class LambdaClient(IAwsCaller caller) : ILambdaClient
{
    internal const string InvocationTypeHeader = "X-Amz-Invocation-Type";

    /// <summary>Invoke's request payload limit for asynchronous invocations: 1 MB (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public const int MaxEventPayloadBytes = 1_048_576;

    public async Task InvokeEventAsync(string functionName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (payload.Length > MaxEventPayloadBytes)
        {
            throw new ArgumentException($"An Event invocation payload is at most {MaxEventPayloadBytes} bytes, not {payload.Length}.", nameof(payload));
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [InvocationTypeHeader] = "Event" };
        var request = new AwsRequest(
            "Invoke",
            HttpMethod.Post,
            $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations",
            headers,
            payload.ToArray(),
            "application/json");
        var response = await caller.SendAsync(AwsServices.Lambda, request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != (int)HttpStatusCode.Accepted)
        {
            throw new InvalidDataException($"Lambda Invoke (Event) answered HTTP {response.StatusCode}, expected 202 Accepted.");
        }
    }
}
