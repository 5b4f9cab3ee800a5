namespace FargateApi.Aws.Services.Ecs;

/// <summary>The ECS operations provisioning uses. Implemented over HTTP by <see cref="EcsClient"/> and by the simulation.</summary>
internal interface IEcsClient
{
    Task<TaskDefinition> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken);

    /// <summary>Describes one revision (family, family:revision or ARN) with its tags.</summary>
    Task<TaskDefinitionResponse> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken);

    Task<TaskDefinition> DeregisterTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="EcsPagination.ListAllTaskDefinitionsAsync"/> walks them all.</summary>
    Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken);

    Task<EcsService> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken);

    Task<EcsService> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken);

    Task<EcsService> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken);

    /// <summary>At most <see cref="EcsLimits.MaxServicesPerDescribe"/> services, with their tags; missing ones come back as failures.</summary>
    Task<DescribeServicesResponse> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="EcsPagination.ListAllTasksAsync"/> walks them all.</summary>
    Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken);

    /// <summary>At most <see cref="EcsLimits.MaxTasksPerDescribe"/> tasks.</summary>
    Task<DescribeTasksResponse> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken);

    Task TagResourceAsync(string resourceArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken);

    Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    Task<IReadOnlyList<EcsTag>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken);
}
