namespace FargateApi.Aws.Services.Ecs;

/// <summary>ECS API limits the client enforces before sending.</summary>
internal static class EcsLimits
{
    /// <summary>DescribeServices.services: "You may specify up to 10 services" (ecs/2014-11-13 model, DescribeServicesRequest.services).</summary>
    public const int MaxServicesPerDescribe = 10;

    /// <summary>DescribeTasks.tasks: "A list of up to 100 task IDs or full ARN entries" (ecs/2014-11-13 model, DescribeTasksRequest.tasks).</summary>
    public const int MaxTasksPerDescribe = 100;

    /// <summary>CreateService.clientToken: "Up to 36 ASCII characters in the range of 33-126" (ecs/2014-11-13 model, CreateServiceRequest.clientToken).</summary>
    public const int MaxClientTokenLength = 36;

    /// <summary>Tags shape: max 50 (ecs/2014-11-13 model, shape Tags).</summary>
    public const int MaxTags = 50;
}
