using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Verification;

/// <summary>
/// Whether what CloudFormation says of a stack resource (DescribeStackResource) fits an event about it: an event only
/// CloudFormation could have sent, at this moment, for this resource. A forged event names a real victim's StackId,
/// LogicalResourceId and PhysicalResourceId (all readable off the victim's resource tags), so the proof is the resource's
/// type and status, which only CloudFormation sets.
/// <list type="bullet">
/// <item>Create: <c>CREATE_IN_PROGRESS</c> (CloudFormation marks a resource so before it asks the provider to create it).</item>
/// <item>Update: <c>UPDATE_IN_PROGRESS</c>, or <c>UPDATE_ROLLBACK_IN_PROGRESS</c> (the rollback Update of a failed stack update
/// swaps the properties back; the ResourceStatus enum of cloudformation/2010-05-15 has both, and either is only ever an
/// update of this very resource in progress), and the stack resource's physical id is the event's.</item>
/// <item>Delete of the resource's current id: <c>DELETE_IN_PROGRESS</c>: a stack delete, the removal of the resource from the
/// template, and the rollback Delete after a failed Create, whose id is the marker the FAILED answer gave (or none, when the
/// Create never answered).</item>
/// <item>Delete of another id: the cleanup after a replacement (<c>UPDATE_COMPLETE_CLEANUP_IN_PROGRESS</c> deletes the old id
/// while the stack resource already shows the new one; <c>UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS</c> deletes the new id
/// while it shows the old one again: research pitfall 4, iRobotCorporation/cfn-custom-resource#3). DescribeStackResource
/// cannot tell that phase apart from a settled stack (it reports the resource, not the stack's phase), so the rule is
/// what makes such a Delete harmless: both ids must be services of this provider and name different services (another
/// generation, <c>-gN</c>: a replacement always moves to the next one), and the Delete removes only what carries the
/// event's generation's names. It can never reach the stack the resource stands for now. The resource must also have
/// been updated (<c>UPDATE_*</c>) or be going (<c>DELETE_IN_PROGRESS</c>): one that was only ever created had no replacement.</item>
/// </list>
/// </summary>
internal static class StackResourceRule
{
    /// <returns>Null when the event fits; otherwise why not, fit for the FAILED Reason.</returns>
    public static string? Refusal(RequestType requestType, string? eventPhysicalId, StackResourceDetail resource)
    {
        var what = $"stack resource {resource.LogicalResourceId}";
        if (resource.ResourceType != Operation.ResourceType)
        {
            return $"CloudFormation reports {what} as a {resource.ResourceType}, not a {Operation.ResourceType}.";
        }

        var status = resource.ResourceStatus;
        switch (requestType)
        {
            case RequestType.Create:
                return status == CloudFormationValues.CreateInProgress
                    ? null
                    : $"CloudFormation reports {what} as {status}, not {CloudFormationValues.CreateInProgress}.";
            case RequestType.Update:
                if (status is not (CloudFormationValues.UpdateInProgress or CloudFormationValues.UpdateRollbackInProgress))
                {
                    return $"CloudFormation reports {what} as {status}, not {CloudFormationValues.UpdateInProgress}.";
                }

                return resource.PhysicalResourceId == eventPhysicalId
                    ? null
                    : $"CloudFormation reports {what} with another PhysicalResourceId than the event's.";
            default:
                return DeleteRefusal(eventPhysicalId, resource, what);
        }
    }

    private static string? DeleteRefusal(string? eventPhysicalId, StackResourceDetail resource, string what)
    {
        var status = resource.ResourceStatus;
        if (resource.PhysicalResourceId is null || resource.PhysicalResourceId == eventPhysicalId)
        {
            return status == CloudFormationValues.DeleteInProgress
                ? null
                : $"CloudFormation reports {what} as {status}, not {CloudFormationValues.DeleteInProgress}.";
        }

        var replaced = eventPhysicalId is null ? null : PhysicalIds.ParseServiceArn(eventPhysicalId, null);
        var current = PhysicalIds.ParseServiceArn(resource.PhysicalResourceId, null);
        if (replaced is null || current is null || replaced.Service == current.Service)
        {
            return $"CloudFormation reports {what} with another PhysicalResourceId than the event's, and the event's does not name " +
                "an earlier or later generation of its service (the only Delete of another id CloudFormation sends is the cleanup after a replacement).";
        }

        return status.StartsWith("UPDATE_", StringComparison.Ordinal) || status == CloudFormationValues.DeleteInProgress
            ? null
            : $"CloudFormation reports {what} as {status}: a resource that was never updated had no replacement to clean up.";
    }
}
