namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of each CloudWatch Logs call, from the Service Authorization Reference page for CloudWatch Logs
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html): the log-group
/// resource is <c>log-group:name</c>; DescribeLogGroups has no resource type. A log group that does not exist is not
/// checked (ResourceNotFoundException answers).
/// </summary>
internal static class LogsAccess
{
    public static IEnumerable<AccessCheck> DescribeLogGroups() => [AccessCheck.For("logs:DescribeLogGroups", "*")];

    /// <summary>
    /// CreateLogGroup, and for its tags logs:TagResource or logs:TagLogGroup (CreateLogGroup API reference, tags: "To
    /// assign tags when you create a log group, you must have either the logs:TagResource or logs:TagLogGroup permission").
    /// </summary>
    public static IEnumerable<AccessCheck> CreateLogGroup(SimulatedAws aws, string name, IReadOnlyDictionary<string, string> tags)
    {
        var arn = Arn(aws, name);
        yield return AccessCheck.For("logs:CreateLogGroup", arn, new RequestContext().RequestTags(tags));
        if (tags.Count > 0)
        {
            yield return AccessCheck.Implied("logs:TagResource", arn, new RequestContext().RequestTags(tags)) with { Alternatives = ["logs:TagLogGroup"] };
        }
    }

    /// <summary>A call on an existing log group, named or by ARN (with or without <c>:*</c>), with its tags.</summary>
    public static IEnumerable<AccessCheck> OnLogGroup(SimulatedAws aws, string operation, string nameOrArn, Func<RequestContext>? request = null)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? NameOf(nameOrArn) : nameOrArn;
        if (aws.Stores.Logs.All.FirstOrDefault(group => group.Name == name) is not { } group)
        {
            return [];
        }

        return [AccessCheck.For($"logs:{operation}", Arn(aws, name), (request?.Invoke() ?? new RequestContext()).ResourceTags(group.Tags))];
    }

    private static string Arn(SimulatedAws aws, string name) => aws.Context.Arn("logs", $"log-group:{name}");

    private static string NameOf(string arn)
    {
        const string Marker = ":log-group:";
        var name = arn[(arn.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }
}
