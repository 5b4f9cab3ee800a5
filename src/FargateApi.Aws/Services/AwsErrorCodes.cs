namespace FargateApi.Aws.Services;

/// <summary>
/// The <see cref="Http.AwsServiceException.ErrorCode"/> values the provisioner matches to make its steps re-runnable
/// (already exists → adopt; not found → already gone; in use → wait). Codes are the models' error shape names, or the
/// shape's <c>error.code</c> where the query models declare one (ELBv2, IAM); EC2 codes are listed at
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
/// </summary>
internal static class AwsErrorCodes
{
    // ECS (json: the shape name). CreateService with a taken name and a different clientToken answers
    // InvalidParameterException "Creation of service was not idempotent."; a missing service on update/delete is ServiceNotFoundException.
    public const string EcsInvalidParameter = "InvalidParameterException";
    public const string EcsClientError = "ClientException";
    public const string EcsServiceNotFound = "ServiceNotFoundException";
    public const string EcsServiceNotActive = "ServiceNotActiveException";
    public const string EcsClusterNotFound = "ClusterNotFoundException";

    // ELBv2 (query: error.code of the model's exception shapes).
    public const string ElbDuplicateTargetGroupName = "DuplicateTargetGroupName";
    public const string ElbTargetGroupNotFound = "TargetGroupNotFound";
    public const string ElbPriorityInUse = "PriorityInUse";
    public const string ElbRuleNotFound = "RuleNotFound";
    public const string ElbResourceInUse = "ResourceInUse";
    public const string ElbListenerNotFound = "ListenerNotFound";
    public const string ElbLoadBalancerNotFound = "LoadBalancerNotFound";
    public const string ElbTooManyRules = "TooManyRules";

    // Application Auto Scaling (json).
    public const string AutoScalingObjectNotFound = "ObjectNotFoundException";
    public const string AutoScalingValidation = "ValidationException";
    public const string AutoScalingConcurrentUpdate = "ConcurrentUpdateException";

    // CloudWatch Logs (json).
    public const string LogsResourceAlreadyExists = "ResourceAlreadyExistsException";
    public const string LogsResourceNotFound = "ResourceNotFoundException";
    public const string LogsOperationAborted = "OperationAbortedException";

    // EC2 (ec2 query; dotted codes from the EC2 error list).
    public const string Ec2GroupDuplicate = "InvalidGroup.Duplicate";
    public const string Ec2GroupNotFound = "InvalidGroup.NotFound";
    public const string Ec2GroupIdMalformed = "InvalidGroupId.Malformed";
    public const string Ec2PermissionDuplicate = "InvalidPermission.Duplicate";
    public const string Ec2PermissionNotFound = "InvalidPermission.NotFound";
    public const string Ec2DependencyViolation = "DependencyViolation";
    public const string Ec2SubnetNotFound = "InvalidSubnetID.NotFound";
    public const string Ec2VpcNotFound = "InvalidVpcID.NotFound";

    // IAM (query: error.code of the model's exception shapes).
    public const string IamEntityAlreadyExists = "EntityAlreadyExists";
    public const string IamNoSuchEntity = "NoSuchEntity";

    /// <summary>IAM's Query-protocol code for a denied call ("AccessDenied", HTTP 403; IAM API reference, Common Errors).</summary>
    public const string IamAccessDenied = "AccessDenied";
    public const string IamDeleteConflict = "DeleteConflict";
    public const string IamConcurrentModification = "ConcurrentModification";
    public const string IamMalformedPolicyDocument = "MalformedPolicyDocument";

    // Lambda (rest-json).
    public const string LambdaResourceNotFound = "ResourceNotFoundException";

    // CloudFormation (query; the model declares no error for DescribeStackResource). A missing stack or logical id is
    // ValidationError, HTTP 400: "Stack with id foo does not exist" (a maintainer's wire trace in boto/boto3#2807),
    // "Resource X does not exist for stack Y" (jpsim/AWSPics#14, aws-samples/amazon-rekognition-video-analyzer#23).
    public const string CloudFormationValidationError = "ValidationError";

    // Secrets Manager (json). No secret by that id: "Secrets Manager can't find the specified secret."
    // (digitalis-io/vals-operator#44); a secret without that version: "Secrets Manager can't find the specified secret value
    // for staging label: AWSCURRENT" (boto/boto3#2794, confirmed as expected by the boto3 team).
    public const string SecretsManagerResourceNotFound = "ResourceNotFoundException";
}
