namespace FargateApi.Aws.Services.CloudFormation;

/// <summary>The CloudFormation operation the provider uses: reading the stack resource an event claims to be about.</summary>
internal interface ICloudFormationClient
{
    /// <summary>
    /// One resource of one stack. <paramref name="stackName"/> is the stack's name or its unique stack id (ARN); a deleted
    /// stack is found only by its id. Fails with <see cref="AwsErrorCodes.CloudFormationValidationError"/>: "Stack with id X
    /// does not exist" for a missing stack, "Resource X does not exist for stack Y" for a missing logical id.
    /// </summary>
    Task<StackResourceDetail> DescribeStackResourceAsync(string stackName, string logicalResourceId, CancellationToken cancellationToken);
}
