namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// Invoke is authorized as lambda:InvokeFunction on the function (Lambda API reference, Invoke: "you need permission for
/// the lambda:InvokeFunction action"; SAR, Lambda: function resource type), named or by ARN.
/// </summary>
internal static class LambdaAccess
{
    public static IEnumerable<AccessCheck> Invoke(SimulatedAws aws, string functionName) =>
        [AccessCheck.For("lambda:InvokeFunction", functionName.StartsWith("arn:", StringComparison.Ordinal) ? functionName : aws.Context.Arn("lambda", $"function:{functionName}"))];
}
