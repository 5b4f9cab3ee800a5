using FargateApi.Aws.Services;
using FargateApi.Desired;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Lifecycle.Tests.Support;

/// <summary>
/// One simulated account with the seed's shared network, and the provisioner over it. By default the account behaves as
/// AWS does (<see cref="SimulationOptions.AwsLike"/>: deployments and target health on the clock, propagation lags,
/// lingering ENIs) and enforces template.yaml's provider role on every call, and the provisioner puts the template's
/// permissions boundary on the roles it makes, as the deployed function does.
/// </summary>
internal sealed class Harness
{
    public const string Prefix = Props.Prefix;
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/myproj-app/1c2fa620-982a-11e3-aff7-50e2416294e0";
    public const string LogicalId = "AppApi";

    private static readonly Lazy<IamPolicy> ProviderRole = new(() => TemplatePermissions.ProviderRole());

    /// <param name="options">The simulation's knobs, given the harness clock (which the simulation must use too); start from
    /// <see cref="Realistic"/> to change one knob of the default.</param>
    public Harness(Func<SteppingClock, SimulationOptions>? options = null, ProvisionerOptions? provisionerOptions = null)
    {
        Clock = new SteppingClock();
        Aws = new SimulatedAws(options?.Invoke(Clock) ?? Realistic(Clock));
        Network = Aws.SeedNetwork(Prefix);
        Apis = Aws.Apis;
        Options = provisionerOptions ?? new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn };
        Provisioner = new StackProvisioner(Apis, Options, Aws.Options.TimeProvider);
    }

    /// <summary>A harness whose simulation enforces template.yaml's provider role on every call, with the template's boundary.</summary>
    public static Harness Enforced() => new(
        clock => new SimulationOptions { TimeProvider = clock, Permissions = TemplatePermissions.ProviderRole() },
        new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });

    private bool _otherCluster;

    public SteppingClock Clock { get; }

    /// <summary>The platform team's second cluster (<see cref="InAnotherCluster"/>).</summary>
    public const string OtherCluster = "myproj-cluster-2";

    /// <summary>
    /// <paramref name="properties"/> moved to <see cref="OtherCluster"/>: a replacement that keeps every name, so the new
    /// generation takes the other name slot and shares the log group with the old one.
    /// </summary>
    public ServiceProperties InAnotherCluster(ServiceProperties properties)
    {
        // Once: adding it again would replace the cluster the services made in it belong to.
        if (!_otherCluster)
        {
            Aws.AddCluster(OtherCluster);
            _otherCluster = true;
        }

        var n = Network;
        return properties with { Network = new NetworkProperties("/unused", n.VpcId, n.PrivateSubnetIds, OtherCluster, n.ListenerArn, n.AlbSecurityGroupId) };
    }

    /// <summary>The default account: AWS's documented lags and timings, and the template's provider role enforced.</summary>
    public static SimulationOptions Realistic(SteppingClock clock) => SimulationOptions.AwsLike(clock) with { Permissions = ProviderRole.Value };

    public SimulatedAws Aws { get; }

    public SeededNetwork Network { get; }

    public AwsApis Apis { get; }

    public ProvisionerOptions Options { get; }

    public StackProvisioner Provisioner { get; }

    public static ResourceIdentity Identity(string requestId = "request-1") => new(StackId, LogicalId, requestId);

    public Task<LifecycleOutcome> CreateAsync(ServiceProperties? properties = null) =>
        Provisioner.CreateAsync(Identity(), properties ?? Props.Seed, CancellationToken.None);

    public Task<LifecycleOutcome> UpdateAsync(string physicalId, ServiceProperties old, ServiceProperties @new) =>
        Provisioner.UpdateAsync(Identity("request-update"), physicalId, old, @new, CancellationToken.None);

    public Task DeleteAsync(string physicalId, ServiceProperties? properties = null) =>
        Provisioner.DeleteAsync(Identity("request-delete"), physicalId, properties ?? Props.Seed, CancellationToken.None);

    /// <summary>Live resources carrying this resource's stack-id tag.</summary>
    public IReadOnlyList<SnapshotEntry> Ours() => Aws.Snapshot().TaggedWith(Ownership.StackIdTag, StackId);

    public IReadOnlyList<SnapshotEntry> Ours(string type) => [.. Ours().Where(entry => entry.Type == type)];

    /// <summary>Everything live outside the seeded network, whoever made it (a leak without tags shows here too).</summary>
    public IReadOnlyList<SnapshotEntry> Made() => Aws.Snapshot().LiveBeyondSeed;
}
