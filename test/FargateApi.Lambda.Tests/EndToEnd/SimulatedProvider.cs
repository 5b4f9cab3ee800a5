using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Runtime;
using FargateApi.Lambda.Tests.Loopback;
using FargateApi.Lambda.Verification;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.Lambda.Tests.EndToEnd;

/// <summary>
/// The provider as the bootstrap wires it, minus the network to AWS: runtime loop and handler against the loopback
/// Runtime API, answering to a loopback bucket, over the real <see cref="StackProvisioner"/> on a <see cref="SimulatedAws"/>
/// seeded with the shared network. Poll and back-off delays are shrunk so a whole lifecycle takes real time of
/// milliseconds; the protocol, the wire format and the provisioning logic are the production ones.
/// </summary>
internal sealed class SimulatedProvider : IAsyncDisposable
{
    public const string Prefix = "myproj";
    public const string Region = "us-east-1";
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/myproj-app/1c2fa620-982a-11e3-aff7-50e2416294e0";
    public const string LogicalId = "AppApi";

    private readonly LoopbackRuntime _runtime;

    /// <param name="verifyEvents">Put the provisioner behind the check that each event is CloudFormation's, as the bootstrap
    /// does by default, against the stacks the test declares in the simulation (<see cref="SimulatedAws.DeclareStack"/>).</param>
    public SimulatedProvider(HandlerOptions? options = null, ResponseSenderOptions? senderOptions = null, bool verifyEvents = false)
    {
        Aws = new SimulatedAws(new SimulationOptions { Region = Region });
        Aws.SeedNetwork(Prefix);
        SeedCalls = Aws.Calls.Count;
        SeedResources = Aws.Snapshot().LiveBeyondSeed.Count;
        var apis = Aws.Apis;
        var provisionerOptions = new ProvisionerOptions(Region)
        {
            PollDelay = TimeSpan.Zero,
            ConsistencyDelay = TimeSpan.Zero,
            ContinuationMargin = TimeSpan.FromSeconds(1),
            SecurityGroupBackoff = TimeSpan.FromMilliseconds(1),
            MaxSecurityGroupBackoff = TimeSpan.FromMilliseconds(5),
        };
        Provisioner = new StackProvisioner(apis, provisionerOptions, TimeProvider.System);
        IResumableLifecycle lifecycle = verifyEvents
            ? new VerifiedLifecycle(Provisioner, new StackResourceVerifier(() => apis.CloudFormation, TimeSpan.Zero, TimeProvider.System))
            : Provisioner;
        CustomResourceHandler? handler = null;
        _runtime = new LoopbackRuntime(
            senderOptions ?? ProviderHarness.FastRetries,
            (sender, log) => handler = new CustomResourceHandler(lifecycle, sender, Continuations, ContinuationKey, options ?? ProviderHarness.TestOptions, log));
        Handler = handler!;
    }

    public SimulatedAws Aws { get; }

    public StackProvisioner Provisioner { get; }

    /// <summary>The handler the loop drives; tests call it directly for payloads HTTP text cannot carry (invalid UTF-8).</summary>
    public CustomResourceHandler Handler { get; }

    /// <summary>Calls the seeding made (none today: it writes the stores directly); tests count from here.</summary>
    public int SeedCalls { get; }

    public int SeedResources { get; }

    public FixedContinuationKey ContinuationKey { get; } = new();

    /// <summary>Records hand-offs instead of invoking Lambda: with zero poll delay no wait should outgrow an invocation.</summary>
    public RecordingContinuations Continuations { get; } = new();

    public Func<RecordedRequest, CancellationToken, Task<Reply>> BucketReply
    {
        get => _runtime.BucketReply;
        set => _runtime.BucketReply = value;
    }

    /// <summary>A ResponseURL shaped like CloudFormation's pre-signed S3 URL, on the loopback bucket.</summary>
    public Uri ResponseUrl => new($"http://{_runtime.BucketHostAndPort}/cfn-responses/myproj-app/AppApi?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123abcd");

    public string BucketHostAndPort => _runtime.BucketHostAndPort;

    public IReadOnlyList<RecordedRequest> Puts => _runtime.Puts;

    /// <summary>What the function posted to the Runtime API (responses and errors), with arrival times.</summary>
    public IReadOnlyList<RecordedRequest> RuntimeReports =>
        [.. _runtime.RuntimeRequests.Where(r => r.Method == "POST" && (r.Target.EndsWith("/response", StringComparison.Ordinal) || r.Target.EndsWith("/error", StringComparison.Ordinal)))];

    public string Logs => _runtime.Logs;

    public IReadOnlyList<string> LogTextLines => Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<JsonElement> LogLines => LogTextLines.Select(line => JsonDocument.Parse(line).RootElement);

    /// <summary>Calls made since seeding.</summary>
    public int AwsCalls => Aws.Calls.Count - SeedCalls;

    /// <summary>Live resources beyond the seeded network.</summary>
    public int Created => Aws.Snapshot().LiveBeyondSeed.Count - SeedResources;

    public Task<RuntimeOutcome> InvokeAsync(JsonNode cloudFormationEvent, TimeSpan? budget = null) =>
        InvokeRawAsync(cloudFormationEvent.ToJsonString(), DateTimeOffset.UtcNow + (budget ?? TimeSpan.FromSeconds(30)));

    public Task<RuntimeOutcome> InvokeRawAsync(string payload, DateTimeOffset deadline) => _runtime.InvokeRawAsync(payload, deadline);

    /// <summary>Hands raw bytes straight to the handler, as the runtime loop would after reading them off the wire.</summary>
    public Task<InvocationResult> HandleBytesAsync(byte[] payload, DateTimeOffset deadline)
    {
        var invocation = new Invocation(Guid.NewGuid().ToString(), deadline, FakeRuntimeApi.FunctionArn, null, payload);
        return Handler.HandleAsync(invocation, new InvocationContext(invocation, TimeProvider.System), CancellationToken.None);
    }

    /// <summary>A valid Create of the seed's app-api service, properties stringified as CloudFormation sends them.</summary>
    public JsonObject Create(JsonObject? properties = null, string requestId = "e2e-create-0001") => new()
    {
        ["RequestType"] = "Create",
        ["ServiceToken"] = Events.ServiceToken,
        ["ResponseURL"] = ResponseUrl.ToString(),
        ["StackId"] = StackId,
        ["RequestId"] = requestId,
        ["LogicalResourceId"] = LogicalId,
        ["ResourceType"] = "Custom::FargateApi",
        ["ResourceProperties"] = properties ?? ValidProperties(),
    };

    public static JsonObject ValidProperties() => new()
    {
        ["ServiceToken"] = Events.ServiceToken,
        ["ProjectPrefix"] = Prefix,
        ["ServiceName"] = "app-api",
        ["Cpu"] = "512",
        ["Memory"] = "1024",
        ["ImageTag"] = "v1",
        ["ContainerPort"] = "8000",
        ["Priority"] = "10",
        ["DesiredCount"] = "1",
    };

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    internal sealed class RecordingContinuations : IContinuationSender
    {
        public int Count;

        public Task SendAsync(string functionArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return Task.CompletedTask;
        }
    }
}
