using System.Globalization;

namespace FargateApi.Simulation.Core;

/// <summary>Deterministic ids in the real formats, so two runs of the same test produce the same ARNs.</summary>
internal sealed class IdGenerator
{
    private long _next = 1;

    /// <summary>e.g. <c>sg-0000000000000001a</c>: EC2 ids are a prefix and 17 hex digits.</summary>
    public string Ec2(string prefix) => $"{prefix}-{Hex(17)}";

    public string Hex(int digits) =>
        (_next++).ToString("x", CultureInfo.InvariantCulture).PadLeft(digits, '0');

    /// <summary>ECS deployment ids look like <c>ecs-svc/1234567890123456789</c>.</summary>
    public string DeploymentId() =>
        "ecs-svc/" + (_next++).ToString(CultureInfo.InvariantCulture).PadLeft(19, '9');
}
