using FargateApi.Aws.Services.Ecs;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of each ECS call, from the Service Authorization Reference page for ECS
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html): resource
/// types (service, task-definition <c>family:revision</c>, task), <c>ecs:cluster</c>, and actions without a resource type
/// (Describe/Deregister/ListTaskDefinitions, ListTasks for Fargate) on <c>"*"</c>. A resource the call names that does not
/// exist is not checked: the service answers its own not-found error (the order is not documented; tags of a missing
/// resource cannot be evaluated).
/// </summary>
internal static class EcsAccess
{
    private const string TasksService = "ecs-tasks.amazonaws.com";

    /// <summary>
    /// ecs:RegisterTaskDefinition on the new revision (the SAR gives it the task-definition resource type), plus:
    /// ecs:TagResource with <c>ecs:CreateAction</c> when tags are given ("Grant permission to tag resources on creation",
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html), and iam:PassRole of the
    /// task and execution roles to ecs-tasks.amazonaws.com (the SAR's API operations table for RegisterTaskDefinition;
    /// "Amazon ECS task execution IAM role": the caller needs iam:PassRole for the role it names).
    /// </summary>
    public static IEnumerable<AccessCheck> RegisterTaskDefinition(SimulatedAws aws, RegisterTaskDefinitionRequest request)
    {
        var revision = aws.Stores.TaskDefinitions.All.Where(d => d.Family == request.Family).Select(d => d.Revision).DefaultIfEmpty(0).Max() + 1;
        var arn = aws.Context.Arn("ecs", $"task-definition/{request.Family}:{revision}");
        var tags = Tags(request.Tags);
        yield return AccessCheck.For("ecs:RegisterTaskDefinition", arn, new RequestContext().RequestTags(tags));
        if (tags.Count > 0)
        {
            yield return TagOnCreate(arn, "RegisterTaskDefinition", tags);
        }

        foreach (var role in new[] { request.TaskRoleArn, request.ExecutionRoleArn }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return PassRole(role, TasksService);
        }
    }

    public static IEnumerable<AccessCheck> NoResourceType(string operation) => [AccessCheck.For($"ecs:{operation}", "*")];

    /// <summary>
    /// CreateService: ecs:CreateService on the service, and ecs:TagResource for its tags (tag-on-create, as above). The
    /// SAR's operations table adds iam:PassRole only for the <c>role</c> parameter (a load balancer role for tasks not in
    /// awsvpc mode), which <see cref="CreateServiceRequest"/> does not have.
    /// </summary>
    public static IEnumerable<AccessCheck> CreateService(SimulatedAws aws, CreateServiceRequest request)
    {
        var cluster = ClusterArn(aws, request.Cluster);
        var arn = ServiceArn(aws, request.Cluster, request.ServiceName);
        var tags = Tags(request.Tags);
        yield return AccessCheck.For("ecs:CreateService", arn, new RequestContext().RequestTags(tags).With("ecs:cluster", cluster));
        if (tags.Count > 0)
        {
            yield return TagOnCreate(arn, "CreateService", tags);
        }
    }

    /// <summary>UpdateService, DeleteService, DescribeServices: the service (its tags, <c>ecs:cluster</c>).</summary>
    public static IEnumerable<AccessCheck> OnServices(SimulatedAws aws, string operation, string cluster, IEnumerable<string> services)
    {
        foreach (var service in services)
        {
            var arn = ServiceArn(aws, cluster, service);
            if (aws.Stores.Ecs.Services.LastOrDefault(s => s.Arn == arn && s.Status != EcsValues.ServiceInactive) is { } existing)
            {
                yield return AccessCheck.For($"ecs:{operation}", arn, new RequestContext().ResourceTags(existing.Tags).With("ecs:cluster", ClusterArn(aws, cluster)));
            }
        }
    }

    /// <summary>ListTasks: the SAR's only resource type is container-instance, which Fargate tasks have none of.</summary>
    public static IEnumerable<AccessCheck> ListTasks(SimulatedAws aws, string? cluster) =>
        [AccessCheck.For("ecs:ListTasks", "*", new RequestContext().With("ecs:cluster", ClusterArn(aws, cluster ?? "default")))];

    public static IEnumerable<AccessCheck> DescribeTasks(SimulatedAws aws, string cluster, IEnumerable<string> tasks)
    {
        var clusterArn = ClusterArn(aws, cluster);
        foreach (var reference in tasks)
        {
            if (aws.Stores.Deployments.Tasks.FirstOrDefault(t => t.ClusterArn == clusterArn && (t.Arn == reference || t.Arn.EndsWith("/" + reference, StringComparison.Ordinal))) is { } task)
            {
                yield return AccessCheck.For("ecs:DescribeTasks", task.Arn, new RequestContext().With("ecs:cluster", clusterArn));
            }
        }
    }

    /// <summary>TagResource, UntagResource, ListTagsForResource on the resource's ARN.</summary>
    public static IEnumerable<AccessCheck> Tagging(SimulatedAws aws, string operation, string resourceArn, RequestContext request)
    {
        var resource = (SimulatedResource?)aws.Stores.Ecs.Services.LastOrDefault(s => s.Arn == resourceArn && s.Status != EcsValues.ServiceInactive)
            ?? aws.Stores.TaskDefinitions.All.FirstOrDefault(d => d.Arn == resourceArn);
        return resource is null ? [] : [AccessCheck.For($"ecs:{operation}", resourceArn, request.ResourceTags(resource.Tags))];
    }

    public static AccessCheck PassRole(string roleArn, string service) =>
        AccessCheck.Implied("iam:PassRole", roleArn, new RequestContext().With("iam:PassedToService", service));

    private static AccessCheck TagOnCreate(string arn, string createAction, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        AccessCheck.Implied("ecs:TagResource", arn, new RequestContext().RequestTags(tags).With("ecs:CreateAction", createAction));

    private static List<KeyValuePair<string, string>> Tags(IReadOnlyList<EcsTag>? tags) =>
        [.. (tags ?? []).Select(tag => KeyValuePair.Create(tag.Key, tag.Value))];

    private static string ClusterArn(SimulatedAws aws, string cluster) =>
        cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster : aws.Context.Arn("ecs", $"cluster/{cluster}");

    /// <summary>The long service ARN, <c>service/cluster-name/service-name</c>, for a name or an ARN.</summary>
    private static string ServiceArn(SimulatedAws aws, string cluster, string service)
    {
        if (service.StartsWith("arn:", StringComparison.Ordinal))
        {
            return service;
        }

        var clusterName = cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster[(cluster.LastIndexOf('/') + 1)..] : cluster;
        return aws.Context.Arn("ecs", $"service/{clusterName}/{service}");
    }
}
