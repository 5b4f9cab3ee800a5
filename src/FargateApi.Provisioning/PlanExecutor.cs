using FargateApi.Planning;

namespace FargateApi.Provisioning;

/// <summary>
/// Runs a plan wave by wave: the steps of a wave depend on nothing in it, so they run together (Task.WhenAll); the next
/// wave starts when all of them have finished. Every step is an "ensure" — look up, create if absent, change if different —
/// so running a plan again after a crash at any point converges on the same stack.
/// </summary>
internal static class PlanExecutor
{
    public static async Task RunAsync(StackRun run, CancellationToken cancellationToken)
    {
        if (run.Plan.Problems is { Count: > 0 } problems)
        {
            throw new ProvisioningException($"The stack would break AWS limits: {string.Join("; ", problems)}.");
        }

        foreach (var wave in run.Plan.Waves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // WhenAll lets every step of the wave finish (nothing is left running behind a failure) and rethrows the
            // first failure in plan order.
            await Task.WhenAll(wave.Select(step => RunStepAsync(run, step, cancellationToken))).ConfigureAwait(false);
        }
    }

    private static Task RunStepAsync(StackRun run, Step step, CancellationToken cancellationToken) => step.Action switch
    {
        StepAction.ResolveNetwork => Task.CompletedTask, // done before the stack could be derived
        StepAction.CreateLogGroup or StepAction.AdoptLogGroup => LogGroupSteps.EnsureAsync(run, cancellationToken),
        StepAction.PutRetentionPolicy => LogGroupSteps.PutRetentionAsync(run, cancellationToken),
        StepAction.CreateRole => RoleSteps.EnsureAsync(run, step.Target, cancellationToken),
        StepAction.PutRolePolicy => RoleSteps.PutPolicyAsync(run, step.Target, cancellationToken),
        StepAction.DeleteRole => RoleSteps.DeleteAsync(run.Aws.Iam, step.Target, run.Stack.Service.Tags, cancellationToken),
        StepAction.CreateSecurityGroup => SecurityGroupSteps.EnsureAsync(run, cancellationToken),
        StepAction.AuthorizeIngress => SecurityGroupSteps.AuthorizeAsync(run, cancellationToken),
        StepAction.RevokeIngress => SecurityGroupSteps.RevokePreviousAsync(run, cancellationToken),
        StepAction.CreateTargetGroup => TargetGroupSteps.EnsureAsync(run, cancellationToken),
        StepAction.ModifyTargetGroup => TargetGroupSteps.ModifyHealthCheckAsync(run, cancellationToken),
        StepAction.ModifyTargetGroupAttributes => TargetGroupSteps.ModifyAttributesAsync(run, cancellationToken),
        StepAction.CreateListenerRule => ListenerRuleSteps.EnsureAsync(run, cancellationToken),
        StepAction.ModifyRule => ListenerRuleSteps.ModifyAsync(run, cancellationToken),
        StepAction.SetRulePriorities => ListenerRuleSteps.SetPriorityAsync(run, cancellationToken),
        StepAction.SwapRulePriorities => ListenerRuleSteps.SwapAsync(run, cancellationToken),
        StepAction.RegisterTaskDefinition => TaskDefinitionSteps.EnsureAsync(run, cancellationToken),
        StepAction.CreateService => ServiceSteps.EnsureAsync(run, cancellationToken),
        StepAction.UpdateService => ServiceSteps.UpdateAsync(run, cancellationToken),
        StepAction.WaitForSteadyState => WaitAsync(run, cancellationToken),
        StepAction.RegisterScalableTarget => ScalingSteps.RegisterAsync(run, cancellationToken),
        StepAction.PutScalingPolicy => ScalingSteps.PutPolicyAsync(run, step.Target, cancellationToken),
        StepAction.DeregisterScalableTarget => ScalingSteps.DeregisterAsync(run.Aws.AutoScaling, step.Target, cancellationToken),
        StepAction.UpdateTags => TagSteps.ApplyAsync(run, step.Id, cancellationToken),
        _ => throw new ProvisioningException($"Step '{step.Id}' ({step.Action}) belongs to Delete, which runs through the stack deleter."),
    };

    private static async Task WaitAsync(StackRun run, CancellationToken cancellationToken)
    {
        var service = run.Stack.Service;
        var taskDefinition = await ServiceSteps.TaskDefinitionArnAsync(run, cancellationToken).ConfigureAwait(false);
        await SteadyStateWaiter.WaitAsync(run, service.Cluster, service.Name, taskDefinition, run.Stack.TaskDefinition.Container.Name, cancellationToken).ConfigureAwait(false);
    }
}
