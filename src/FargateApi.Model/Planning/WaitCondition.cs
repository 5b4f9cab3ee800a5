namespace FargateApi.Planning;

/// <summary>What a <see cref="Verb.Wait"/> step waits for; each is one status function and its acceptors in the executor.</summary>
internal enum WaitCondition
{
    None,

    /// <summary>The service's primary deployment completed: ECS's rollout state COMPLETED, which it reaches only with its
    /// tasks healthy behind the load balancer (botocore ServicesStable, which counts running tasks, says so sooner).</summary>
    SteadyState,

    /// <summary>The deleted service is INACTIVE or gone (botocore ServicesInactive).</summary>
    Inactive,

    /// <summary>The target group has as many healthy targets as the service wants tasks.</summary>
    HealthyTargets,
}
