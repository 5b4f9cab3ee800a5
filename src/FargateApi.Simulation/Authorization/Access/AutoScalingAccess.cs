using FargateApi.Aws.Services.ApplicationAutoScaling;

namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of Application Auto Scaling's calls on an ECS service's desired count.
/// <list type="bullet">
/// <item>Its own action, on the scalable target (SAR, Application Auto Scaling: ScalableTarget
/// <c>scalable-target/id</c>; a target not registered yet has no id: <c>scalable-target/*</c>), with
/// <c>application-autoscaling:service-namespace</c> and <c>scalable-dimension</c>; Describe* have no resource type.</item>
/// <item>"Permissions validation for Application Auto Scaling API calls on target resources": before a write it tries, as
/// the caller, the target service's and CloudWatch's actions and fails with a ValidationException naming the ones denied
/// (https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_permission_validation.html). For ECS they are
/// the ones "IAM permissions required for Amazon ECS service auto scaling" lists besides application-autoscaling:* and
/// SNS: ecs:DescribeServices, ecs:UpdateService, cloudwatch:DescribeAlarms, cloudwatch:PutMetricAlarm,
/// cloudwatch:DeleteAlarms (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/auto-scaling-IAM.html). Which write
/// validates which is not documented: every write validates all five, the strictest reading. The CloudWatch ones are on
/// the alarms target tracking makes for the target, <c>alarm:TargetTracking-service/cluster/service-AlarmHigh-uuid</c> and
/// <c>-AlarmLow-uuid</c> (PutScalingPolicy API reference, example response), checked as
/// <c>alarm:TargetTracking-service/cluster/service-*</c>.</item>
/// <item>RegisterScalableTarget with Tags: application-autoscaling:TagResource on the target, as every tag-on-create of
/// ECS, ELB and EC2 is authorized ("Tagging support for Application Auto Scaling": tags may be added "when you register
/// them").</item>
/// <item>The first RegisterScalableTarget for ECS in the account creates AWSServiceRoleForApplicationAutoScaling_ECSService:
/// "For automatic role creation to succeed, users must have permissions for the iam:CreateServiceLinkedRole action"
/// ("Service-linked roles for Application Auto Scaling"; Application Auto Scaling User Guide, access control).</item>
/// </list>
/// </summary>
internal static class AutoScalingAccess
{
    public const string EcsServiceLinkedRoleName = "AWSServiceRoleForApplicationAutoScaling_ECSService";
    private const string EcsServiceLinkedRoleService = "ecs.application-autoscaling.amazonaws.com";

    public static IEnumerable<AccessCheck> NoResourceType(string operation) => [AccessCheck.For($"application-autoscaling:{operation}", "*")];

    public static IEnumerable<AccessCheck> RegisterScalableTarget(SimulatedAws aws, RegisterScalableTargetRequest request)
    {
        var target = TargetArn(aws, request.ServiceNamespace, request.ResourceId, request.ScalableDimension) ?? aws.Context.Arn("application-autoscaling", "scalable-target/*");
        var tags = request.Tags ?? new Dictionary<string, string>();
        yield return AccessCheck.For("application-autoscaling:RegisterScalableTarget", target, Keys(request.ServiceNamespace, request.ScalableDimension).RequestTags(tags));
        foreach (var check in TargetValidation(aws, request.ServiceNamespace, request.ResourceId))
        {
            yield return check;
        }

        if (tags.Count > 0)
        {
            yield return AccessCheck.Implied("application-autoscaling:TagResource", target, new RequestContext().RequestTags(tags));
        }

        if (request.ServiceNamespace == AutoScalingValues.NamespaceEcs && !aws.Authorization.HasServiceLinkedRole(EcsServiceLinkedRoleName))
        {
            var role = aws.Context.Arn("iam", $"role/aws-service-role/{EcsServiceLinkedRoleService}/{EcsServiceLinkedRoleName}", global: true);
            var create = AccessCheck.Implied("iam:CreateServiceLinkedRole", role, new RequestContext().With("iam:AWSServiceName", EcsServiceLinkedRoleService));
            yield return create with { CreatesServiceLinkedRole = EcsServiceLinkedRoleName };
        }
    }

    /// <summary>The tagging calls: on the scalable target the ARN names (SAR: TagResource, UntagResource and ListTagsForResource
    /// take the scalable-target resource type, with aws:RequestTag / aws:TagKeys for the writes).</summary>
    public static IEnumerable<AccessCheck> OnTargetArn(string operation, string scalableTargetArn, Func<RequestContext>? request = null) =>
        [AccessCheck.For($"application-autoscaling:{operation}", scalableTargetArn, request?.Invoke() ?? new RequestContext())];

    /// <summary>PutScalingPolicy, DeregisterScalableTarget, DeleteScalingPolicy: the target (when registered), then the validation.</summary>
    public static IEnumerable<AccessCheck> OnTarget(SimulatedAws aws, string operation, string serviceNamespace, string resourceId, string scalableDimension)
    {
        if (TargetArn(aws, serviceNamespace, resourceId, scalableDimension) is { } target)
        {
            yield return AccessCheck.For($"application-autoscaling:{operation}", target, Keys(serviceNamespace, scalableDimension));
        }

        foreach (var check in TargetValidation(aws, serviceNamespace, resourceId))
        {
            yield return check;
        }
    }

    private static IEnumerable<AccessCheck> TargetValidation(SimulatedAws aws, string serviceNamespace, string resourceId)
    {
        if (serviceNamespace != AutoScalingValues.NamespaceEcs)
        {
            yield break;
        }

        // ECS resource ids are service/cluster-name/service-name; the service ARN is the same path under ecs.
        var service = aws.Context.Arn("ecs", resourceId);
        var tags = aws.Stores.Ecs.Services.LastOrDefault(s => s.Arn == service)?.Tags;
        foreach (var action in new[] { "ecs:DescribeServices", "ecs:UpdateService" })
        {
            yield return AccessCheck.TargetValidation(action, service, new RequestContext().ResourceTags(tags));
        }

        var alarms = aws.Context.Arn("cloudwatch", $"alarm:TargetTracking-{resourceId}-*");
        foreach (var action in new[] { "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms" })
        {
            yield return AccessCheck.TargetValidation(action, alarms);
        }
    }

    private static string? TargetArn(SimulatedAws aws, string serviceNamespace, string resourceId, string scalableDimension) =>
        aws.Stores.AutoScaling.Targets.FirstOrDefault(t => t.ServiceNamespace == serviceNamespace && t.ResourceId == resourceId && t.ScalableDimension == scalableDimension)?.Arn;

    private static RequestContext Keys(string serviceNamespace, string scalableDimension) => new RequestContext()
        .With("application-autoscaling:service-namespace", serviceNamespace)
        .With("application-autoscaling:scalable-dimension", scalableDimension);
}
