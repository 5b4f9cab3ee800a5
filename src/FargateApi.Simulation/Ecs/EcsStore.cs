using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;
using FargateApi.Simulation.Elbv2;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// Clusters and services. Codes are the ecs/2014-11-13 model's exception shape names; the messages are ECS's own:
/// "Creation of service was not idempotent." (terraform-provider-aws#14489), "Unable to Start a service that is still
/// Draining." (spinnaker/spinnaker#5476), "The target group with targetGroupArn … does not have an associated load
/// balancer." (hashicorp/terraform PR #8190), "Service not found.", "Service was not ACTIVE.", "Cluster not found.".
/// </summary>
internal sealed class EcsStore(SimulationContext context, TaskDefinitionStore taskDefinitions, Elbv2Store elbv2, Ec2Store ec2, DeploymentEngine engine)
{
    private const string Service = SimServices.Ecs;
    private readonly Dictionary<string, SimCluster> _clusters = new(StringComparer.Ordinal);
    private readonly List<SimEcsService> _services = [];

    public IEnumerable<SimCluster> Clusters => _clusters.Values;

    /// <summary>Every service ever created, INACTIVE ones included (DescribeServices keeps answering with them).</summary>
    public IEnumerable<SimEcsService> Services => _services;

    public SimCluster AddCluster(string name, bool seeded)
    {
        var cluster = new SimCluster { Name = name, Arn = context.Arn("ecs", $"cluster/{name}"), Seeded = seeded };
        _clusters[name] = cluster;
        return cluster;
    }

    public SimCluster RequireCluster(string nameOrArn, string operation)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;
        return _clusters.TryGetValue(name, out var cluster)
            ? cluster
            : throw AwsErrors.Create(Service, operation, "ClusterNotFoundException", "Cluster not found.");
    }

    public SimEcsService Create(CreateServiceInput input)
    {
        const string Operation = "CreateService";
        var cluster = RequireCluster(input.Cluster, Operation);
        var live = _services.FirstOrDefault(s => s.Cluster == cluster && s.Name == input.ServiceName && s.Status != "INACTIVE");
        if (live is not null)
        {
            return SameRequestAs(live, input);
        }

        var definition = taskDefinitions.Resolve(input.TaskDefinition, Operation);
        if (definition.Status != "ACTIVE")
        {
            throw InvalidParameter(Operation, "TaskDefinition is inactive");
        }

        CheckLoadBalancers(input.LoadBalancers, definition, Operation);
        CheckNetwork(input.Subnets, input.SecurityGroups, Operation);
        var service = context.Created(new SimEcsService
        {
            Name = input.ServiceName,
            Arn = context.Arn("ecs", $"service/{cluster.Name}/{input.ServiceName}"),
            Cluster = cluster,
            TaskDefinitionArn = definition.Arn,
            DesiredCount = input.DesiredCount,
            ClientToken = input.ClientToken,
            LoadBalancers = input.LoadBalancers,
            Subnets = input.Subnets,
            SecurityGroups = input.SecurityGroups,
            CircuitBreakerEnabled = input.CircuitBreakerEnable,
            CircuitBreakerRollback = input.CircuitBreakerRollback,
            HealthCheckGracePeriodSeconds = input.HealthCheckGracePeriodSeconds ?? 0,
            CreateParameters = input.Parameters,
            CreatedAt = context.Now,
            Spec = input.Spec,
        });
        service.MergeTags(input.Tags);
        _services.Add(service);
        engine.StartDeployment(service, definition.Arn, input.DesiredCount);
        return service;
    }

    public SimEcsService Update(UpdateServiceInput input)
    {
        const string Operation = "UpdateService";
        var service = RequireActive(input.Cluster, input.Service, Operation);
        var newDefinition = input.TaskDefinition is null ? null : taskDefinitions.Resolve(input.TaskDefinition, Operation);

        // The mapping must name a port of the task definition the tasks will run: the new one when both change in one call.
        var loadBalancersChanged = input.LoadBalancers is not null && !input.LoadBalancers.SequenceEqual(service.LoadBalancers);
        if (input.LoadBalancers is not null)
        {
            CheckLoadBalancers(input.LoadBalancers, newDefinition ?? taskDefinitions.Resolve(service.TaskDefinitionArn, Operation), Operation);
        }
        else if (newDefinition is not null)
        {
            CheckContainerPorts(service.LoadBalancers, newDefinition, Operation);
        }

        if (input.Subnets is not null || input.SecurityGroups is not null)
        {
            CheckNetwork(input.Subnets ?? service.Subnets, input.SecurityGroups ?? service.SecurityGroups, Operation);
        }

        var networkChanged = (input.Subnets is not null && !input.Subnets.SequenceEqual(service.Subnets))
            || (input.SecurityGroups is not null && !input.SecurityGroups.SequenceEqual(service.SecurityGroups));
        service.Subnets = input.Subnets ?? service.Subnets;
        service.SecurityGroups = input.SecurityGroups ?? service.SecurityGroups;
        service.CircuitBreakerEnabled = input.CircuitBreakerEnable ?? service.CircuitBreakerEnabled;
        service.CircuitBreakerRollback = input.CircuitBreakerRollback ?? service.CircuitBreakerRollback;
        service.HealthCheckGracePeriodSeconds = input.HealthCheckGracePeriodSeconds ?? service.HealthCheckGracePeriodSeconds;
        service.DesiredCount = input.DesiredCount ?? service.DesiredCount;
        service.LoadBalancers = input.LoadBalancers ?? service.LoadBalancers;

        var definitionChanged = newDefinition is not null && newDefinition.Arn != service.TaskDefinitionArn;
        if (definitionChanged || networkChanged || loadBalancersChanged || input.ForceNewDeployment)
        {
            service.TaskDefinitionArn = newDefinition?.Arn ?? service.TaskDefinitionArn;
            engine.StartDeployment(service, service.TaskDefinitionArn, service.DesiredCount);
        }
        else if (input.DesiredCount is { } desired && service.Primary is { } primary && primary.DesiredCount != desired)
        {
            engine.Rescale(service, primary, desired);
        }

        return service;
    }

    /// <summary>Without force a service must be scaled to 0 first ("The service cannot be stopped while it is scaled above 0.").</summary>
    public SimEcsService Delete(string cluster, string name, bool force)
    {
        const string Operation = "DeleteService";
        var service = RequireExisting(cluster, name, Operation);
        if (service.Status == "INACTIVE")
        {
            throw AwsErrors.Create(Service, Operation, "ServiceNotActiveException", "Service was not ACTIVE.");
        }

        if (service.Status == "DRAINING")
        {
            return service;
        }

        if (!force && service.DesiredCount > 0)
        {
            throw InvalidParameter(Operation, "The service cannot be stopped while it is scaled above 0.");
        }

        service.Status = "DRAINING";
        service.DesiredCount = 0;
        engine.Drain(service);
        return service;
    }

    /// <summary>Each described service takes one poll of progress (deployments, draining); missing ones are failures with reason MISSING.</summary>
    public (IReadOnlyList<SimEcsService> Found, IReadOnlyList<string> Missing) Describe(string cluster, IReadOnlyList<string> names)
    {
        var owner = RequireCluster(cluster, "DescribeServices");
        var found = new List<SimEcsService>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var service = Latest(owner, name);
            if (service is null || !service.IsVisibleToRead())
            {
                missing.Add(name.StartsWith("arn:", StringComparison.Ordinal) ? name : context.Arn("ecs", $"service/{owner.Name}/{name}"));
                continue;
            }

            engine.Poll(service);
            found.Add(service);
        }

        return (found, missing);
    }

    /// <summary>
    /// Each mapping's target group exists and sits behind a load balancer, and the task definition has the container and the
    /// port: "This port must correspond to a containerPort in the task definition the tasks in the service are using"
    /// (ECS API reference, LoadBalancer.containerPort); ECS answers "The container app did not have a container port 80
    /// defined." (pulumi/pulumi-awsx#1172) and "The container Frontend does not exist in the task definition."
    /// (aws/amazon-ecs-agent#1276).
    /// </summary>
    private void CheckLoadBalancers(IReadOnlyList<SimLoadBalancerLink> links, SimTaskDefinition definition, string operation)
    {
        foreach (var link in links)
        {
            var group = elbv2.FindTargetGroup(link.TargetGroupArn)
                ?? throw InvalidParameter(operation, $"Unable to describe target group {link.TargetGroupArn}.");
            if (elbv2.LoadBalancerArnsOf(group).Count == 0 || StillAssociating(group))
            {
                throw InvalidParameter(operation,
                    $"The target group with targetGroupArn {link.TargetGroupArn} does not have an associated load balancer.");
            }
        }

        CheckContainerPorts(links, definition, operation);
    }

    private static void CheckContainerPorts(IReadOnlyList<SimLoadBalancerLink> links, SimTaskDefinition definition, string operation)
    {
        foreach (var link in links)
        {
            if (!definition.ContainerNames.Contains(link.ContainerName, StringComparer.Ordinal))
            {
                throw InvalidParameter(operation, $"The container {link.ContainerName} does not exist in the task definition.");
            }

            if (!definition.Exposes(link.ContainerName, link.ContainerPort))
            {
                throw InvalidParameter(operation, $"The container {link.ContainerName} did not have a container port {link.ContainerPort} defined.");
            }
        }
    }

    /// <summary>
    /// A service of that name is live. Its own clientToken (and, with <see cref="SimulationOptions.ClientTokenNeedsSameParameters"/>,
    /// the same parameters) answers with it: "If you retry a request that completed successfully using the same client token
    /// and the same parameters, the retry succeeds without performing any further actions" (ECS API reference,
    /// ECS_Idempotency.html). Anything else is "Creation of service was not idempotent." (terraform-provider-aws#14489,
    /// #2283). With <see cref="SimulationOptions.DrainingServiceBlocksCreate"/> a DRAINING one refuses every create: "Unable
    /// to Start a service that is still Draining." (spinnaker/spinnaker#5476, ewilde/faas-fargate#13; it lasts the
    /// deregistration delay, hashicorp/terraform#9397), or "not idempotent" to its own token, whose create ECS already
    /// answered with a service that is no longer what the request asks for (our reading: which of the two messages ECS picks
    /// is not documented, and reports show both right after a delete).
    /// </summary>
    private SimEcsService SameRequestAs(SimEcsService live, CreateServiceInput input)
    {
        const string Operation = "CreateService";
        const string NotIdempotent = "Creation of service was not idempotent.";
        var sameToken = input.ClientToken is not null && live.ClientToken == input.ClientToken;
        if (live.Status == "DRAINING" && context.Options.DrainingServiceBlocksCreate)
        {
            throw InvalidParameter(Operation, sameToken ? NotIdempotent : "Unable to Start a service that is still Draining.");
        }

        var sameParameters = !context.Options.ClientTokenNeedsSameParameters || live.CreateParameters == input.Parameters;
        return sameToken && sameParameters ? live : throw InvalidParameter(Operation, NotIdempotent);
    }

    /// <summary>The rule forwarding to the group is too new for ECS to see it (<see cref="SimulationOptions.LoadBalancerAssociationLag"/>).</summary>
    private bool StillAssociating(SimTargetGroup group) =>
        context.Options.LoadBalancerAssociationLag > TimeSpan.Zero
        && elbv2.AssociatedSince(group) is { } since
        && context.Now < since + context.Options.LoadBalancerAssociationLag;

    public SimEcsService RequireExisting(string cluster, string name, string operation) =>
        Latest(RequireCluster(cluster, operation), name) is { } service
            ? service
            : throw AwsErrors.Create(Service, operation, "ServiceNotFoundException", "Service not found.");

    private SimEcsService RequireActive(string cluster, string name, string operation)
    {
        var service = RequireExisting(cluster, name, operation);
        return service.Status == "ACTIVE"
            ? service
            : throw AwsErrors.Create(Service, operation, "ServiceNotActiveException", "Service was not ACTIVE.");
    }

    /// <summary>The live service of that name, else the most recent INACTIVE one.</summary>
    private SimEcsService? Latest(SimCluster cluster, string nameOrArn)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;
        return _services.LastOrDefault(s => s.Cluster == cluster && s.Name == name);
    }

    private void CheckNetwork(IReadOnlyList<string> subnets, IReadOnlyList<string> groups, string operation)
    {
        foreach (var subnet in subnets.Where(s => !ec2.Subnets.Any(x => x.SubnetId == s)))
        {
            throw InvalidParameter(operation,
                $"Error retrieving subnet information for [{subnet}]: The subnet ID '{subnet}' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
        }

        foreach (var group in groups.Where(g => !ec2.SecurityGroups.Any(x => x.GroupId == g)))
        {
            throw InvalidParameter(operation,
                $"Error retrieving security group information for [{group}]: The security group '{group}' does not exist (ErrorCode: InvalidGroup.NotFound)");
        }
    }

    private static AwsServiceException InvalidParameter(string operation, string message) =>
        AwsErrors.Create(Service, operation, "InvalidParameterException", message);
}
