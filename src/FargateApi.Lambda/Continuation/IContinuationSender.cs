namespace FargateApi.Lambda.Continuation;

/// <summary>Starts the next invocation of a long wait. The I/O seam between the handler and Lambda's Invoke API.</summary>
internal interface IContinuationSender
{
    /// <summary>Queues an asynchronous invocation of <paramref name="functionArn"/> with <paramref name="payload"/>.</summary>
    /// <exception cref="Exception">Any failure, after the sender's own retries: the hand-off did not happen.</exception>
    Task SendAsync(string functionArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
