namespace FargateApi.Planning;

/// <summary>What a <see cref="Verb.Wait"/> step waits for; each is one status function and its acceptors in the executor.</summary>
internal enum WaitCondition
{
    None,

    /// <summary>The service's primary deployment completed (botocore ServicesStable, plus ECS's rollout state).</summary>
    SteadyState,

    /// <summary>The deleted service is INACTIVE or gone (botocore ServicesInactive).</summary>
    Inactive,
}
