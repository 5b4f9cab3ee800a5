using System.Text.Json;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ecs;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IEcsClient"/> over the simulated state.</summary>
internal sealed class SimulatedEcsClient(SimulatedAws aws) : IEcsClient
{
    /// <summary>ListTaskDefinitions/ListTasks maxResults default is 100 (ecs/2014-11-13 model).</summary>
    private const int DefaultPageSize = 100;

    private const string Service = SimServices.Ecs;
    private SimulationStores S => aws.Stores;

    public Task<TaskDefinition> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "RegisterTaskDefinition", request.Family, () => EcsAccess.RegisterTaskDefinition(aws, request), () =>
        {
            var definition = S.TaskDefinitions.Register(new TaskDefinitionInput(
                request.Family,
                request.Cpu,
                request.Memory,
                request.NetworkMode,
                request.RequiresCompatibilities.Contains(EcsValues.Fargate),
                request.ContainerDefinitions.Any(c => c.LogConfiguration?.LogDriver == EcsValues.LogDriverAwsLogs),
                request.ExecutionRoleArn,
                request.TaskRoleArn,
                [.. request.ContainerDefinitions.Select(c => c.Name)],
                [.. request.ContainerDefinitions.Select(c => c.Image)],
                [.. request.ContainerDefinitions.Select(c => (IReadOnlyList<int>)[.. (c.PortMappings ?? []).Select(p => p.ContainerPort)])],
                request.Tags?.Select(t => KeyValuePair.Create(t.Key, t.Value)),
                request));
            return EcsMapping.ToTaskDefinition(definition);
        }, cancellationToken);

    public Task<TaskDefinitionResponse> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTaskDefinition", taskDefinition, () => EcsAccess.NoResourceType("DescribeTaskDefinition"), () =>
        {
            var definition = S.TaskDefinitions.Resolve(taskDefinition, "DescribeTaskDefinition", read: true);
            return new TaskDefinitionResponse { TaskDefinition = EcsMapping.ToTaskDefinition(definition), Tags = EcsMapping.Tags(definition.Tags) };
        }, cancellationToken);

    public Task<TaskDefinition> DeregisterTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeregisterTaskDefinition", taskDefinition, () => EcsAccess.NoResourceType("DeregisterTaskDefinition"),
            () => EcsMapping.ToTaskDefinition(S.TaskDefinitions.Deregister(taskDefinition)), cancellationToken);

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTaskDefinitions", request.FamilyPrefix ?? "*", () => EcsAccess.NoResourceType("ListTaskDefinitions"), () =>
        {
            var (items, next) = Paging.Page(S.TaskDefinitions.List(request.FamilyPrefix, request.Status), request.NextToken, request.MaxResults, DefaultPageSize);
            return new ListTaskDefinitionsResponse { TaskDefinitionArns = items, NextToken = next };
        }, cancellationToken);

    public Task<EcsService> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateService", request.ServiceName, () => EcsAccess.CreateService(aws, request), () =>
        {
            var breaker = request.DeploymentConfiguration?.DeploymentCircuitBreaker;
            var network = request.NetworkConfiguration.AwsvpcConfiguration;
            var service = S.Ecs.Create(new CreateServiceInput(
                request.Cluster,
                request.ServiceName,
                request.TaskDefinition,
                request.DesiredCount,
                request.ClientToken,
                [.. (request.LoadBalancers ?? []).Select(l => new SimLoadBalancerLink(l.TargetGroupArn, l.ContainerName, l.ContainerPort))],
                network.Subnets,
                network.SecurityGroups ?? [],
                breaker?.Enable ?? false,
                breaker?.Rollback ?? false,
                request.HealthCheckGracePeriodSeconds,
                request.Tags?.Select(t => KeyValuePair.Create(t.Key, t.Value)),
                request,
                JsonSerializer.Serialize(request, EcsJsonContext.Default.CreateServiceRequest)));
            return EcsMapping.ToService(service);
        }, cancellationToken);

    public Task<EcsService> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UpdateService", request.Service, () => EcsAccess.OnServices(aws, "UpdateService", request.Cluster, [request.Service]), () =>
        {
            var breaker = request.DeploymentConfiguration?.DeploymentCircuitBreaker;
            var network = request.NetworkConfiguration?.AwsvpcConfiguration;
            var service = S.Ecs.Update(new UpdateServiceInput(
                request.Cluster,
                request.Service,
                request.DesiredCount,
                request.TaskDefinition,
                breaker?.Enable,
                breaker?.Rollback,
                network?.Subnets,
                network?.SecurityGroups,
                request.ForceNewDeployment ?? false,
                request.HealthCheckGracePeriodSeconds,
                request.LoadBalancers?.Select(l => new SimLoadBalancerLink(l.TargetGroupArn, l.ContainerName, l.ContainerPort)).ToList()));
            return EcsMapping.ToService(service);
        }, cancellationToken);

    public Task<EcsService> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteService", request.Service, () => EcsAccess.OnServices(aws, "DeleteService", request.Cluster, [request.Service]),
            () => EcsMapping.ToService(S.Ecs.Delete(request.Cluster, request.Service, request.Force ?? false)), cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeServices", string.Join(',', services), () => EcsAccess.OnServices(aws, "DescribeServices", cluster, services), () =>
        {
            if (services.Count is 0 or > EcsLimits.MaxServicesPerDescribe)
            {
                throw AwsErrors.Create(Service, "DescribeServices", "InvalidParameterException", "services can have at most 10 items.");
            }

            var (found, missing) = S.Ecs.Describe(cluster, services);
            return new DescribeServicesResponse
            {
                Services = [.. found.Select(EcsMapping.ToService)],
                Failures = [.. missing.Select(arn => new EcsFailure(arn, EcsValues.FailureMissing, null))],
            };
        }, cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTasks", request.ServiceName ?? "*", () => EcsAccess.ListTasks(aws, request.Cluster), () =>
        {
            var cluster = S.Ecs.RequireCluster(request.Cluster, "ListTasks");
            var desired = request.DesiredStatus ?? EcsValues.DesiredStatusRunning;
            var arns = S.Deployments.Tasks
                .Where(t => t.ClusterArn == cluster.Arn && (request.ServiceName is null || t.ServiceName == request.ServiceName) && t.DesiredStatus == desired)
                .Select(t => t.Arn)
                .ToList();
            var (items, next) = Paging.Page(arns, request.NextToken, request.MaxResults, DefaultPageSize);
            return new ListTasksResponse { TaskArns = items, NextToken = next };
        }, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTasks", string.Join(',', tasks), () => EcsAccess.DescribeTasks(aws, cluster, tasks), () =>
        {
            var owner = S.Ecs.RequireCluster(cluster, "DescribeTasks");
            var found = new List<EcsTask>();
            var failures = new List<EcsFailure>();
            foreach (var reference in tasks)
            {
                var task = S.Deployments.Tasks.FirstOrDefault(t => t.ClusterArn == owner.Arn && (t.Arn == reference || t.Arn.EndsWith("/" + reference, StringComparison.Ordinal)));
                if (task is null)
                {
                    failures.Add(new EcsFailure(reference, EcsValues.FailureMissing, null));
                }
                else
                {
                    found.Add(EcsMapping.ToTask(task));
                }
            }

            return new DescribeTasksResponse { Tasks = found, Failures = failures };
        }, cancellationToken);

    public Task TagResourceAsync(string resourceArn, IReadOnlyList<EcsTag> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "TagResource", resourceArn,
            () => EcsAccess.Tagging(aws, "TagResource", resourceArn, new RequestContext().RequestTags(tags.Select(t => KeyValuePair.Create(t.Key, t.Value)))),
            () => Taggable(resourceArn, "TagResource").MergeTags(tags.Select(t => KeyValuePair.Create(t.Key, t.Value))), cancellationToken);

    public Task UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UntagResource", resourceArn, () => EcsAccess.Tagging(aws, "UntagResource", resourceArn, new RequestContext().TagKeys(tagKeys)), () =>
        {
            var resource = Taggable(resourceArn, "UntagResource");
            foreach (var key in tagKeys)
            {
                resource.Tags.Remove(key);
            }
        }, cancellationToken);

    public Task<IReadOnlyList<EcsTag>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTagsForResource", resourceArn, () => EcsAccess.Tagging(aws, "ListTagsForResource", resourceArn, new RequestContext()),
            () => EcsMapping.Tags(Taggable(resourceArn, "ListTagsForResource").Tags), cancellationToken);

    private SimulatedResource Taggable(string arn, string operation) =>
        (SimulatedResource?)S.Ecs.Services.LastOrDefault(s => s.Arn == arn && s.Status != EcsValues.ServiceInactive)
        ?? (SimulatedResource?)S.TaskDefinitions.All.FirstOrDefault(d => d.Arn == arn)
        ?? (SimulatedResource?)S.Ecs.Clusters.FirstOrDefault(c => c.Arn == arn)
        ?? throw AwsErrors.Create(Service, operation, "InvalidParameterException", "The specified resource is not found.");
}
