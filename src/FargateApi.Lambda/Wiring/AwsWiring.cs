using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Desired;
using FargateApi.Lambda.Logging;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Wiring;

/// <summary>
/// The one place the bootstrap connects to AWS: one caller (one signer, one connection pool, one retry budget) for the
/// provisioner and for the continuation hand-off. Built at the first event that needs it, not at start-up: a
/// configuration problem (no credentials, no region) thrown during init would go to /runtime/init/error and CloudFormation
/// would get no answer for up to an hour (research pitfall 2); thrown here it becomes that event's FAILED Reason.
/// </summary>
internal sealed class AwsWiring
{
    private readonly Func<string, string?> _environment;
    private readonly JsonLog _log;
    private readonly Lazy<(AwsApis Apis, ProvisionerOptions Options)> _connection;

    public AwsWiring(Func<string, string?> environment, JsonLog log)
    {
        _environment = environment;
        _log = log;

        // PublicationOnly: a build that throws is not cached, so the next event tries again.
        _connection = new(Connect, LazyThreadSafetyMode.PublicationOnly);
    }

    public IResumableLifecycle Lifecycle() =>
        new DeferredLifecycle(() => new StackProvisioner(_connection.Value.Apis, _connection.Value.Options, TimeProvider.System));

    public ILambdaClient Lambda() => _connection.Value.Apis.Lambda;

    /// <summary>
    /// Credentials and region from the environment (Lambda sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
    /// and AWS_REGION), endpoint overrides from AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; (read by the caller's
    /// endpoint resolver). The account and partition come from STS GetCallerIdentity when first needed.
    /// </summary>
    /// <exception cref="AwsConfigurationException">No credentials or no region.</exception>
    private (AwsApis, ProvisionerOptions) Connect()
    {
        var callerOptions = AwsCallerOptions.FromEnvironment(_environment);
        var options = new ProvisionerOptions(callerOptions.Region)
        {
            PermissionsBoundaryArn = _environment(ProvisionerOptions.PermissionsBoundaryVariable) is { Length: > 0 } boundary ? boundary : null,
            Grantable = GrantableResources.Parse(_environment(GrantableResources.Variable)),
        };
        _log.Info(
            "lifecycle.ready",
            ("region", callerOptions.Region),
            ("endpointOverride", _environment("AWS_ENDPOINT_URL") is { Length: > 0 }),
            ("permissionsBoundary", options.PermissionsBoundaryArn is not null));
        return (AwsApis.Over(new AwsHttpCaller(callerOptions)), options);
    }
}
