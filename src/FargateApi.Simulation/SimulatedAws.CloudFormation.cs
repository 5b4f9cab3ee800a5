namespace FargateApi.Simulation;

/// <summary>
/// The CloudFormation side a test plays: the stacks and stack resources CloudFormation would hold while it sends the
/// provider an event, for DescribeStackResource to answer from.
/// </summary>
public sealed partial class SimulatedAws
{
    /// <summary>Declares a live stack; returns its unique stack id (an ARN), which stays valid after <see cref="DeleteStack"/>.</summary>
    /// <exception cref="ArgumentException">The name is an ARN or belongs to a live stack.</exception>
    public string DeclareStack(string stackName)
    {
        lock (_sync)
        {
            return Stores.CloudFormation.Declare(stackName).StackId;
        }
    }

    /// <summary>Adds a resource to a declared stack (by name or id), or replaces it.</summary>
    /// <param name="resourceStatus">A ResourceStatus value, e.g. CREATE_IN_PROGRESS.</param>
    /// <param name="physicalResourceId">Null until the resource has one (a custom resource gets it from its first answer).</param>
    public void DeclareStackResource(string stack, string logicalResourceId, string resourceType, string resourceStatus, string? physicalResourceId = null, string? reason = null)
    {
        lock (_sync)
        {
            Stores.CloudFormation.PutResource(stack, logicalResourceId, resourceType, resourceStatus, physicalResourceId, reason);
        }
    }

    /// <summary>Moves a declared resource to another status; <paramref name="physicalResourceId"/>, when given, replaces its physical id.</summary>
    public void SetStackResourceStatus(string stack, string logicalResourceId, string resourceStatus, string? physicalResourceId = null, string? reason = null)
    {
        lock (_sync)
        {
            Stores.CloudFormation.SetResourceStatus(stack, logicalResourceId, resourceStatus, physicalResourceId, reason);
        }
    }

    /// <summary>The stack is deleted: found from now on only by its id, its resources DELETE_COMPLETE.</summary>
    public void DeleteStack(string stack)
    {
        lock (_sync)
        {
            Stores.CloudFormation.Delete(stack);
        }
    }
}
