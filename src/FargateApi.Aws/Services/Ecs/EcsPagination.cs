using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ecs;

/// <summary>
/// Walks the paginated ECS lists (ecs/2014-11-13/paginators-1.json: ListTaskDefinitions and ListTasks, both nextToken in and
/// out). Written against the interface so the simulation gets the same walking for free.
/// </summary>
internal static class EcsPagination
{
    public static IAsyncEnumerable<string> ListAllTaskDefinitionsAsync(this IEcsClient client, ListTaskDefinitionsRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync(
            (token, ct) => client.ListTaskDefinitionsAsync(request with { NextToken = token }, ct),
            page => page.TaskDefinitionArns,
            page => page.NextToken,
            cancellationToken);

    public static IAsyncEnumerable<string> ListAllTasksAsync(this IEcsClient client, ListTasksRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync(
            (token, ct) => client.ListTasksAsync(request with { NextToken = token }, ct),
            page => page.TaskArns,
            page => page.NextToken,
            cancellationToken);
}
