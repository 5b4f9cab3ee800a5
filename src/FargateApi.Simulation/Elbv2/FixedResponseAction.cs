namespace FargateApi.Simulation.Elbv2;

/// <summary>The seeded listener's default action: answer 404 until a rule matches (what a shared ALB usually does).</summary>
internal sealed record FixedResponseAction(int StatusCode, string ContentType, string Body);
