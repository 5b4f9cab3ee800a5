namespace FargateApi.Simulation.Calls;

/// <summary>One call as the simulation saw it.</summary>
/// <param name="Sequence">1-based position among all calls to this simulation.</param>
/// <param name="Service">Service endpoint prefix: ecs, elasticloadbalancing, ec2, iam, logs, ssm, application-autoscaling, lambda, sts.</param>
/// <param name="Operation">The API operation name, e.g. CreateService.</param>
/// <param name="Key">The parameters that identify what the call was about (names, ARNs, ids).</param>
/// <param name="Outcome"><c>ok</c>, the AWS error code, or <c>crash</c>.</param>
public sealed record CallRecord(long Sequence, string Service, string Operation, string Key, string Outcome)
{
    public const string Ok = "ok";
    public const string Crash = "crash";

    public bool Succeeded => Outcome == Ok;
}
