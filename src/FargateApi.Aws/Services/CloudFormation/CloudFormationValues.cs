namespace FargateApi.Aws.Services.CloudFormation;

/// <summary>ResourceStatus values of a resource CloudFormation is sending a custom resource event about (cloudformation/2010-05-15 model).</summary>
internal static class CloudFormationValues
{
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string UpdateInProgress = "UPDATE_IN_PROGRESS";
    public const string UpdateRollbackInProgress = "UPDATE_ROLLBACK_IN_PROGRESS";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
}
