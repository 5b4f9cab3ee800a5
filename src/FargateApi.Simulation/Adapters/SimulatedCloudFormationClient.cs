using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="ICloudFormationClient"/> over the stacks tests declare (<see cref="SimulatedAws.DeclareStack"/>).</summary>
internal sealed class SimulatedCloudFormationClient(SimulatedAws aws) : ICloudFormationClient
{
    public Task<StackResourceDetail> DescribeStackResourceAsync(string stackName, string logicalResourceId, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(SimServices.CloudFormation, "DescribeStackResource", $"{stackName}/{logicalResourceId}", () => CloudFormationAccess.DescribeStackResource(aws, stackName), () =>
        {
            var (stack, resource) = aws.Stores.CloudFormation.Describe(stackName, logicalResourceId);
            return new StackResourceDetail(
                stack.StackName,
                stack.StackId,
                resource.LogicalResourceId,
                resource.PhysicalResourceId,
                resource.ResourceType,
                resource.ResourceStatus,
                resource.ResourceStatusReason,
                resource.LastUpdated);
        }, cancellationToken);
}
