using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;
using FargateApi.Lambda.Wiring;

// provided.al2023 runs this executable once per execution environment; it serves events until Lambda freezes or stops it.
var time = TimeProvider.System;
var log = new JsonLog(Console.Out, time);
var endpoint = Environment.GetEnvironmentVariable(RuntimeApiClient.EndpointVariable);
if (string.IsNullOrEmpty(endpoint))
{
    log.Error("init.failed", ("problem", $"{RuntimeApiClient.EndpointVariable} is not set: this program runs inside AWS Lambda (provided.al2023)."));
    return 2;
}

using var runtime = new RuntimeApiClient(endpoint);
IInvocationHandler handler;
using var responseHttp = ResponseSender.CreateHttpClient();
try
{
    var sender = new ResponseSender(responseHttp, ResponseSenderOptions.Default, time, Random.Shared.NextDouble);
    var aws = new AwsWiring(Environment.GetEnvironmentVariable, log);
    var continuationKey = new SecretsManagerContinuationKey(aws.SecretsManager, Environment.GetEnvironmentVariable(SecretsManagerContinuationKey.Variable));
    handler = new CustomResourceHandler(aws.Lifecycle(), sender, new LambdaContinuationSender(aws.Lambda), continuationKey, HandlerOptions.FromEnvironment(), log);
}
#pragma warning disable CA1031 // Any start-up failure goes to Lambda's init error, which shows in the function's logs and metrics.
catch (Exception exception)
#pragma warning restore CA1031
{
    log.Error("init.failed", ("errorType", exception.GetType().Name), ("error", exception.Message));
    await runtime.ReportInitErrorAsync(new RuntimeError($"Runtime.{exception.GetType().Name}", exception.Message), CancellationToken.None);
    return 1;
}

log.Info("init.ready");
await new RuntimeLoop(runtime, handler, log, time).RunAsync(CancellationToken.None);
return 0;
