namespace FargateApi.Aws.Services.CloudFormation;

/// <summary>
/// Shape StackResourceDetail (cloudformation/2010-05-15): LogicalResourceId, ResourceType, ResourceStatus and
/// LastUpdatedTimestamp are always present; PhysicalResourceId is absent until the resource has one.
/// </summary>
/// <param name="ResourceStatus">A ResourceStatus enum value, e.g. <see cref="CloudFormationValues.CreateInProgress"/>.</param>
internal sealed record StackResourceDetail(
    string? StackName,
    string? StackId,
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    string ResourceStatus,
    string? ResourceStatusReason,
    DateTimeOffset LastUpdatedTimestamp);
