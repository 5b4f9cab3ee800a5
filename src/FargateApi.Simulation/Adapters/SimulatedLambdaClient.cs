using FargateApi.Aws.Services.Lambda;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="ILambdaClient"/> that records the invocation instead of running it; tests replay it with <see cref="SimulatedAws.TakeInvocations"/>.</summary>
internal sealed class SimulatedLambdaClient(SimulatedAws aws) : ILambdaClient
{
    public Task InvokeEventAsync(string functionName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(SimServices.Lambda, "Invoke", functionName, () => LambdaAccess.Invoke(aws, functionName),
            () => aws.Stores.Lambda.Record(functionName, "Event", payload.ToArray(), aws.Context.Now), cancellationToken);
}
