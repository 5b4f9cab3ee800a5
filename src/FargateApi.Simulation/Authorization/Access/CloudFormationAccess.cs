namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// DescribeStackResource is authorized on the stack (SAR, AWS CloudFormation: DescribeStackResource, resource type stack,
/// <c>arn:…:cloudformation:region:account:stack/name/id</c>), named by its name or its ARN.
/// </summary>
internal static class CloudFormationAccess
{
    public static IEnumerable<AccessCheck> DescribeStackResource(SimulatedAws aws, string stackName) =>
        [AccessCheck.For("cloudformation:DescribeStackResource", stackName.StartsWith("arn:", StringComparison.Ordinal) ? stackName : aws.Context.Arn("cloudformation", $"stack/{stackName}/*"))];
}
