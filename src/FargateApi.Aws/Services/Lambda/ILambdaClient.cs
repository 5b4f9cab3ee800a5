namespace FargateApi.Aws.Services.Lambda;

/// <summary>The Lambda operation provisioning uses: re-invoking the provider itself to continue a long wait in a fresh invocation.</summary>
internal interface ILambdaClient
{
    /// <summary>Queues an asynchronous invocation (<c>X-Amz-Invocation-Type: Event</c>); Lambda answers 202 Accepted.</summary>
    Task InvokeEventAsync(string functionName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
