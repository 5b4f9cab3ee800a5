using FargateApi.Aws.Retry;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Calls;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;
using FargateApi.Simulation.Elbv2;
using FargateApi.Simulation.Faults;
using FargateApi.Simulation.Inspection;
using FargateApi.Simulation.Lambda;

namespace FargateApi.Simulation;

/// <summary>
/// One simulated AWS account and region, in process: the state and rules of the services the provider calls, with
/// fault injection, throttling, latency and a call log. The service clients (<see cref="Ecs"/>, …) implement the same
/// interfaces as the HTTP clients in FargateApi.Aws, so the provisioner runs unchanged against it. Thread-safe: every
/// call runs under one lock.
/// </summary>
public sealed partial class SimulatedAws
{
    private readonly Lock _sync = new();

    public SimulatedAws(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        Validate(Options);
        Context = new SimulationContext(Options);
        Stores = new SimulationStores(Context);
        Faults = new FaultInjector();
        RateLimits = new RateLimiter(Options.TimeProvider);
        Calls = new CallLog();
        Authorization = new Authorizer(Options);
        Gate = new CallGate(Options, Faults, RateLimits, Calls, _sync, Stores.Advance, Authorization);
    }

    public SimulationOptions Options { get; }

    public CallLog Calls { get; }

    /// <summary>
    /// The caller's policy from now on (starts as <see cref="SimulationOptions.Permissions"/>): set it after seeding state
    /// the caller did not make, null to stop checking.
    /// </summary>
    public IamPolicy? Permissions
    {
        get
        {
            lock (_sync)
            {
                return Authorization.Policy;
            }
        }

        set
        {
            lock (_sync)
            {
                Authorization.Policy = value;
            }
        }
    }

    /// <summary>Every permission checked so far (only with <see cref="SimulationOptions.Permissions"/>), in order, with IAM's answer.</summary>
    public IReadOnlyList<AccessCheckRecord> AccessChecks => Authorization.Records;

    public FaultInjector Faults { get; }

    public RateLimiter RateLimits { get; }

    /// <summary>Throttles the simulated clients retried (<see cref="SimulationOptions.ClientRetry"/>) and the longest backoff.</summary>
    internal RetryStatisticsSnapshot ClientRetries => Gate.Retries.Snapshot();

    /// <summary>Eventual consistency: describe/list/get calls that miss each resource created from now on.</summary>
    public int InvisibleReadsAfterCreate
    {
        get
        {
            lock (_sync)
            {
                return Context.InvisibleReadsAfterCreate;
            }
        }

        set
        {
            lock (_sync)
            {
                Context.InvisibleReadsAfterCreate = value;
            }
        }
    }

    /// <summary>Eventual consistency on the clock: how long each resource created from now on stays missing from reads.</summary>
    public TimeSpan InvisibleAfterCreate
    {
        get
        {
            lock (_sync)
            {
                return Context.InvisibleAfterCreate;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_sync)
            {
                Context.InvisibleAfterCreate = value;
            }
        }
    }

    internal SimulationContext Context { get; }

    internal SimulationStores Stores { get; }

    internal CallGate Gate { get; }

    internal Authorizer Authorization { get; }

    /// <summary>Tasks of any task definition using this image exit with code 1 at once.</summary>
    public void FailImage(string image) => WithLock(() => Stores.Deployments.Faults.FailingImages.Add(image));

    /// <summary>Tasks of this family (or exact ARN) exit with code 1 at once.</summary>
    public void FailTaskDefinition(string familyOrArn) => WithLock(() => Stores.Deployments.Faults.FailingTaskDefinitions.Add(familyOrArn));

    /// <summary>
    /// Tasks of any task definition using this image run but fail their load balancer health checks: ELB marks their targets
    /// unhealthy, ECS stops them with "Task failed ELB health checks in (target-group …)" and the circuit breaker counts them
    /// (its second stage). Only tasks launched from now on.
    /// </summary>
    public void FailHealthCheck(string image) => WithLock(() => Stores.Deployments.Faults.UnhealthyImages.Add(image));

    public void HealAll() => WithLock(() => Stores.Deployments.Faults.Clear());

    public void PutParameter(string name, string value) => WithLock(() => Stores.Ssm.Put(name, value));

    /// <summary>Another ECS cluster of the platform team's (seeded: outside every leak check), as when it moves services.</summary>
    public void AddCluster(string name) => WithLock(() => Stores.Ecs.AddCluster(name, seeded: true));

    /// <summary>Another HTTP listener of the platform team's on the seeded load balancer (default action: fixed 404); its ARN.</summary>
    public string AddListener(int port)
    {
        lock (_sync)
        {
            var lb = Stores.Elbv2.LoadBalancers.Single();
            return Stores.Elbv2.AddListener(lb, port, "HTTP", new Elbv2.FixedResponseAction(404, "text/plain", "Not Found"), [], seeded: true).Arn;
        }
    }

    /// <summary>The asynchronous Lambda invocations so far, removed from the record so each is replayed once.</summary>
    public IReadOnlyList<RecordedInvocation> TakeInvocations()
    {
        lock (_sync)
        {
            return Stores.Lambda.Drain();
        }
    }

    public SimulationSnapshot Snapshot()
    {
        lock (_sync)
        {
            Stores.Advance();
            return SnapshotBuilder.Build(Stores);
        }
    }

    /// <summary>
    /// The shared network a user's stack imports: a VPC with one private subnet per zone, an ECS cluster, an ALB with an
    /// HTTP:80 listener (default action: fixed 404) and its security group, and the six SSM parameters under
    /// <c>/{prefix}/network/</c>. Everything is marked seeded so leak checks can tell it apart.
    /// </summary>
    public SeededNetwork SeedNetwork(string prefix, int availabilityZones = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(availabilityZones, 1);
        lock (_sync)
        {
            var (hiddenReads, hiddenFor) = (Context.InvisibleReadsAfterCreate, Context.InvisibleAfterCreate);
            (Context.InvisibleReadsAfterCreate, Context.InvisibleAfterCreate) = (0, TimeSpan.Zero);
            try
            {
                return Seed(prefix, availabilityZones);
            }
            finally
            {
                (Context.InvisibleReadsAfterCreate, Context.InvisibleAfterCreate) = (hiddenReads, hiddenFor);
            }
        }
    }

    private SeededNetwork Seed(string prefix, int zoneCount)
    {
        var ec2 = Stores.Ec2;
        var vpc = ec2.AddVpc("10.0.0.0/16", seeded: true);
        var zones = Enumerable.Range(0, zoneCount).Select(i => $"{Context.Region}{(char)('a' + i)}").ToList();
        var subnets = zones.Select((zone, i) => ec2.AddSubnet(vpc.VpcId, zone, $"10.0.{i * 16}.0/20", seeded: true).SubnetId).ToList();
        var cluster = Stores.Ecs.AddCluster($"{prefix}-cluster", seeded: true);
        var albGroup = ec2.CreateSecurityGroup($"{prefix}-alb-sg", "Shared ALB", vpc.VpcId, null, seeded: true);
        ec2.Authorize(albGroup.GroupId, egress: false, [new SimPermission("tcp", 80, 80, "0.0.0.0/0", null, "HTTP from anywhere")]);
        var lb = Stores.Elbv2.AddLoadBalancer($"{prefix}-alb", vpc.VpcId, subnets, [albGroup.GroupId], seeded: true);
        var listener = Stores.Elbv2.AddListener(lb, 80, "HTTP", new FixedResponseAction(404, "text/plain", "Not Found"), [], seeded: true);

        var network = new SeededNetwork(prefix, vpc.VpcId, zones, subnets, cluster.Name, lb.Arn, listener.Arn, albGroup.GroupId);
        string[] values = [vpc.VpcId, string.Join(',', zones), string.Join(',', subnets), cluster.Name, listener.Arn, albGroup.GroupId];
        foreach (var (name, value) in SeededNetwork.ParameterNames(prefix).Zip(values))
        {
            Stores.Ssm.Put(name, value, seeded: true);
        }

        return network;
    }

    private static void Validate(SimulationOptions options)
    {
        options.Timings?.Validate();
        foreach (var (name, window) in new[]
        {
            (nameof(options.InvisibleAfterCreate), options.InvisibleAfterCreate),
            (nameof(options.LoadBalancerAssociationLag), options.LoadBalancerAssociationLag),
            (nameof(options.PassRoleLagAfterCreateRole), options.PassRoleLagAfterCreateRole),
            (nameof(options.AssumeRoleLagAfterCreateRole), options.AssumeRoleLagAfterCreateRole),
        })
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, name);
        }

        if (options.EniLingerTimeMax is { } max && (options.EniLingerTime is not { } linger || max < linger))
        {
            throw new ArgumentException(
                $"{nameof(options.EniLingerTimeMax)} ({max}) needs {nameof(options.EniLingerTime)} set and not above it ({options.EniLingerTime?.ToString() ?? "unset"}).",
                nameof(options));
        }
    }

    private void WithLock(Action action)
    {
        lock (_sync)
        {
            action();
        }
    }
}
