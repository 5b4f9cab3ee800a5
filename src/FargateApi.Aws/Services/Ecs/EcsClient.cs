using System.Text.Json.Serialization.Metadata;
using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ecs;

/// <summary>ECS over the json 1.1 protocol (target prefix AmazonEC2ContainerServiceV20141113).</summary>
internal sealed class EcsClient(IAwsCaller caller) : IEcsClient
{
    private static readonly AwsService Service = AwsServices.Ecs;
    private static readonly IReadOnlyList<string> IncludeTags = [EcsValues.IncludeTags];
    private static EcsJsonContext Json => EcsJsonContext.Default;

    public async Task<TaskDefinition> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken)
    {
        CheckTagCount(request.Tags?.Count ?? 0);
        var response = await JsonProtocol.CallAsync(caller, Service, "RegisterTaskDefinition", request, Json.RegisterTaskDefinitionRequest, Json.TaskDefinitionResponse, cancellationToken).ConfigureAwait(false);
        return response.TaskDefinition ?? throw Missing("RegisterTaskDefinition", "taskDefinition");
    }

    public Task<TaskDefinitionResponse> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "DescribeTaskDefinition", new DescribeTaskDefinitionRequest(taskDefinition, IncludeTags), Json.DescribeTaskDefinitionRequest, Json.TaskDefinitionResponse, cancellationToken);

    public async Task<TaskDefinition> DeregisterTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, "DeregisterTaskDefinition", new DeregisterTaskDefinitionRequest(taskDefinition), Json.DeregisterTaskDefinitionRequest, Json.TaskDefinitionResponse, cancellationToken).ConfigureAwait(false);
        return response.TaskDefinition ?? throw Missing("DeregisterTaskDefinition", "taskDefinition");
    }

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "ListTaskDefinitions", request, Json.ListTaskDefinitionsRequest, Json.ListTaskDefinitionsResponse, cancellationToken);

    public Task<EcsService> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientToken.Length is 0 or > EcsLimits.MaxClientTokenLength)
        {
            throw new ArgumentException($"clientToken must be 1 to {EcsLimits.MaxClientTokenLength} characters; derive it with EcsClientToken.", nameof(request));
        }

        CheckTagCount(request.Tags?.Count ?? 0);

        return ServiceCallAsync("CreateService", request, Json.CreateServiceRequest, cancellationToken);
    }

    public Task<EcsService> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken)
        => ServiceCallAsync("UpdateService", request, Json.UpdateServiceRequest, cancellationToken);

    public Task<EcsService> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken)
        => ServiceCallAsync("DeleteService", request, Json.DeleteServiceRequest, cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        if (services.Count is 0 or > EcsLimits.MaxServicesPerDescribe)
        {
            throw new ArgumentException($"DescribeServices takes 1 to {EcsLimits.MaxServicesPerDescribe} services, not {services.Count}.", nameof(services));
        }

        return JsonProtocol.CallAsync(caller, Service, "DescribeServices", new DescribeServicesRequest(cluster, services, IncludeTags), Json.DescribeServicesRequest, Json.DescribeServicesResponse, cancellationToken);
    }

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "ListTasks", request, Json.ListTasksRequest, Json.ListTasksResponse, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count is 0 or > EcsLimits.MaxTasksPerDescribe)
        {
            throw new ArgumentException($"DescribeTasks takes 1 to {EcsLimits.MaxTasksPerDescribe} tasks, not {tasks.Count}.", nameof(tasks));
        }

        return JsonProtocol.CallAsync(caller, Service, "DescribeTasks", new DescribeTasksRequest(cluster, tasks), Json.DescribeTasksRequest, Json.DescribeTasksResponse, cancellationToken);
    }

    public Task TagResourceAsync(string resourceArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken)
    {
        CheckTagCount(tags.Count);
        return JsonProtocol.CallAsync(caller, Service, "TagResource", new EcsTagResourceRequest(resourceArn, tags), Json.EcsTagResourceRequest, cancellationToken);
    }

    public Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "UntagResource", new EcsUntagResourceRequest(resourceArn, tagKeys), Json.EcsUntagResourceRequest, cancellationToken);

    public async Task<IReadOnlyList<EcsTag>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, "ListTagsForResource", new EcsListTagsForResourceRequest(resourceArn), Json.EcsListTagsForResourceRequest, Json.EcsListTagsForResourceResponse, cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }

    private async Task<EcsService> ServiceCallAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, operation, request, requestInfo, Json.ServiceResponse, cancellationToken).ConfigureAwait(false);
        return response.Service ?? throw Missing(operation, "service");
    }

    private static void CheckTagCount(int count)
    {
        if (count > EcsLimits.MaxTags)
        {
            throw new ArgumentException($"ECS takes at most {EcsLimits.MaxTags} tags per resource, not {count}.");
        }
    }

    private static InvalidDataException Missing(string operation, string member) => new($"ECS {operation} answered without '{member}'.");
}
