namespace FargateApi.Simulation.Ecs;

/// <summary>
/// The deployment circuit breaker (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html):
/// it counts the deployment's failed tasks in two stages, tasks that fail to reach RUNNING and tasks that fail their health
/// checks (ELB, Cloud Map, container); at the threshold the deployment is FAILED, launches nothing more and, with
/// rollback, the service goes back to its last COMPLETED deployment.
/// </summary>
internal sealed class CircuitBreaker(TaskRoster tasks)
{
    /// <summary>Failed-task threshold = 0.5 × desired count, at least 3 and at most 200 (API_ServiceDeploymentCircuitBreaker.html).</summary>
    public const int MinFailureThreshold = 3;
    public const int MaxFailureThreshold = 200;

    public const string Reason = "ECS deployment circuit breaker: tasks failed to start.";

    public static int FailureThreshold(int desiredCount) =>
        Math.Clamp((int)Math.Ceiling(desiredCount * 0.5), MinFailureThreshold, MaxFailureThreshold);

    /// <summary>Counts failed tasks of <paramref name="deployment"/>; true when the breaker tripped on them.</summary>
    public bool Record(SimEcsService service, SimDeployment deployment, int failed, DateTimeOffset at)
    {
        deployment.FailedTasks += failed;
        deployment.UpdatedAt = at;
        if (!service.CircuitBreakerEnabled || deployment.FailedTasks < FailureThreshold(deployment.DesiredCount))
        {
            return false;
        }

        Trip(service, deployment, at);
        return true;
    }

    private void Trip(SimEcsService service, SimDeployment failed, DateTimeOffset at)
    {
        failed.RolloutState = "FAILED";
        failed.RolloutStateReason = Reason;
        failed.PendingCount = 0;
        tasks.AddEvent(service, $"(service {service.Name}) (deployment {failed.Id}) deployment failed: tasks failed to start.", at);
        if (!service.CircuitBreakerRollback)
        {
            return;
        }

        var target = service.Deployments.FirstOrDefault(d => d != failed && d.RolloutState == "COMPLETED");
        if (target is null)
        {
            return;
        }

        failed.Status = "ACTIVE";
        failed.DesiredCount = 0;
        target.Status = "PRIMARY";
        target.DesiredCount = service.DesiredCount;
        target.Polls = 0;
        target.UpdatedAt = at;
        service.Deployments.Remove(target);
        service.Deployments.Insert(0, target);
        service.TaskDefinitionArn = target.TaskDefinitionArn;

        // The service returns to that deployment as it was, its load balancer mapping included: "Amazon ECS automatically rolls
        // back the service deployment to the last successfully deployed service revision", and a service revision "contains
        // a record of the workload configuration" (ECS developer guide, "Amazon ECS service revisions"), load balancers among
        // its properties.
        service.LoadBalancers = target.LoadBalancers;
        tasks.AddEvent(service, $"(service {service.Name}) rolling back to deployment {target.Id}.", at);
    }
}
