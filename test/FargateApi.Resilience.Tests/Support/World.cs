using FargateApi.Aws.Services;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>
/// One simulated account with the seed's shared network (the FargateApi.Lifecycle.Tests Harness idea). Each
/// <see cref="Process"/> is a fresh Lambda process: a new provisioner (nothing cached) behind its own
/// <see cref="ProcessFence"/>, optionally with a retry layer between the provisioner and the fence.
/// </summary>
internal sealed class World
{
    public const string Prefix = Props.Prefix;
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/myproj-app/1c2fa620-982a-11e3-aff7-50e2416294e0";
    public const string LogicalId = "AppApi";

    public World(SimulationOptions options, ProvisionerOptions? provisionerOptions = null)
    {
        Aws = new SimulatedAws(options);
        Network = Aws.SeedNetwork(Prefix);
        Apis = Aws.Apis;
        ProvisionerOptions = provisionerOptions ?? new ProvisionerOptions("us-east-1");
    }

    public SimulatedAws Aws { get; }

    public SeededNetwork Network { get; }

    /// <summary>The simulation's clients as the product wires them today (Harness, SimulateCommand): no retry layer.</summary>
    public AwsApis Apis { get; }

    public ProvisionerOptions ProvisionerOptions { get; }

    public TimeProvider Clock => Aws.Options.TimeProvider;

    public static ResourceIdentity Identity(string requestId, string logicalId = LogicalId) => new(StackId, logicalId, requestId);

    /// <summary>A new process: its own fence, its own (empty) caches.</summary>
    /// <param name="layer">Runs around each call above the fence: a retry layer, or a test's hook.</param>
    public StackProvisioner Process(ICallInterceptor? layer = null)
    {
        var apis = CallInterception.Wrap(Apis, new ProcessFence());
        if (layer is not null)
        {
            apis = CallInterception.Wrap(apis, layer);
        }

        return new StackProvisioner(apis, ProvisionerOptions, Clock);
    }

    /// <summary>Live resources carrying one resource's stack-id tag (every resource of ours carries the same stack id).</summary>
    public IReadOnlyList<SnapshotEntry> Ours() => Aws.Snapshot().TaggedWith(Desired.Ownership.StackIdTag, StackId);

    /// <summary>
    /// What is live beyond the seeded network once lingering ENIs had every chance to drain: EC2 reads tick them
    /// (SimulationOptions.EniLingerPolls), so an ENI still here afterwards would never drain.
    /// </summary>
    public async Task<IReadOnlyList<SnapshotEntry>> LeftoversAsync()
    {
        for (var poll = 0; poll < 10; poll++)
        {
            await Apis.Ec2.DescribeNetworkInterfacesAsync(new Aws.Services.Ec2.Ec2FilteredRequest([]), CancellationToken.None);
        }

        return Aws.Snapshot().LiveBeyondSeed;
    }

    /// <summary>The failed-create physical id the Lambda edge answers with (FargateApi.Lambda CloudFormation/FailedCreateId.For,
    /// reproduced because the test cannot see that assembly): prefix, logical id, first 12 hex of SHA-256(RequestId).</summary>
    public static string FailedCreateId(string logicalId, string requestId) =>
        $"{PhysicalIds.FailedCreatePrefix}{logicalId}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestId)))[..12]}";
}
