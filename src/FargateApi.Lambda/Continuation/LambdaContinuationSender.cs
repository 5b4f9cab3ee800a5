using FargateApi.Aws.Services.Lambda;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// Hands the wait on through Lambda Invoke with InvocationType Event (Lambda queues it and answers 202;
/// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html). The client is built on first use: only a hand-off
/// needs credentials, and a configuration problem then fails that one request with its message instead of the runtime's init.
/// </summary>
internal sealed class LambdaContinuationSender(Func<ILambdaClient> createClient) : IContinuationSender
{
    // PublicationOnly: a factory that throws (credentials missing) is not cached, so a later hand-off tries again.
    private readonly Lazy<ILambdaClient> _client = new(createClient, LazyThreadSafetyMode.PublicationOnly);

    public Task SendAsync(string functionArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _client.Value.InvokeEventAsync(functionArn, payload, cancellationToken);
}
