namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// ssm:GetParameters on each parameter, <c>parameter/name</c> without the name's leading slash (Service Authorization
/// Reference, Systems Manager: parameter resource type), with its tags when it exists. A name that does not exist is still
/// checked: its ARN follows from the name alone.
/// </summary>
internal static class SsmAccess
{
    public static IEnumerable<AccessCheck> GetParameters(SimulatedAws aws, IEnumerable<string> names) =>
        [.. names.Distinct(StringComparer.Ordinal).Select(name => AccessCheck.For(
            "ssm:GetParameters",
            aws.Context.Arn("ssm", $"parameter/{name.TrimStart('/')}"),
            new RequestContext().ResourceTags(aws.Stores.Ssm.All.FirstOrDefault(parameter => parameter.Name == name)?.Tags)))];
}
