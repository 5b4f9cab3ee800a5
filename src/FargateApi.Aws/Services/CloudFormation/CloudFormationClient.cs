using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.CloudFormation;

/// <summary>CloudFormation over the awsQuery protocol (version 2010-05-15; regional endpoint, signing name cloudformation).</summary>
internal sealed class CloudFormationClient(IAwsCaller caller) : ICloudFormationClient
{
    private static readonly AwsService Service = AwsServices.CloudFormation;

    public async Task<StackResourceDetail> DescribeStackResourceAsync(string stackName, string logicalResourceId, CancellationToken cancellationToken)
    {
        var p = QueryProtocol.Parameters(Service, "DescribeStackResource").Add("StackName", stackName).Add("LogicalResourceId", logicalResourceId);
        var result = await QueryProtocol.CallAsync(caller, Service, p, cancellationToken).ConfigureAwait(false);
        var detail = result.Child("StackResourceDetail") ?? throw new InvalidDataException("DescribeStackResource answered without <StackResourceDetail>.");
        return new StackResourceDetail(
            detail.Text("StackName"),
            detail.Text("StackId"),
            detail.RequiredText("LogicalResourceId"),
            detail.Text("PhysicalResourceId"),
            detail.RequiredText("ResourceType"),
            detail.RequiredText("ResourceStatus"),
            detail.Text("ResourceStatusReason"),
            detail.Timestamp("LastUpdatedTimestamp") ?? throw new InvalidDataException("<StackResourceDetail> has no <LastUpdatedTimestamp>."));
    }
}
