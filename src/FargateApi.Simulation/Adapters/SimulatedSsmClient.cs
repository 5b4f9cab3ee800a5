using FargateApi.Aws.Services.Ssm;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="ISsmClient"/> over the simulated state: unknown names come back in InvalidParameters.</summary>
internal sealed class SimulatedSsmClient(SimulatedAws aws) : ISsmClient
{
    public Task<GetParametersResult> GetParametersAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(SimServices.Ssm, "GetParameters", string.Join(',', names), () => SsmAccess.GetParameters(aws, names), () =>
        {
            if (names.Count is 0 or > SsmClient.MaxNamesPerGetParameters)
            {
                throw AwsErrors.Create(SimServices.Ssm, "GetParameters", "ValidationException",
                    $"1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to {SsmClient.MaxNamesPerGetParameters}");
            }

            var (found, invalid) = aws.Stores.Ssm.GetMany(names);
            return new GetParametersResult
            {
                Parameters = [.. found.Select(p => new Parameter { Name = p.Name, Type = p.Type, Value = p.Value, Version = p.Version, ARN = p.Arn })],
                InvalidParameters = invalid,
            };
        }, cancellationToken);
}
