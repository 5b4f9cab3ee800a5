using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Aws.Services.SecretsManager;
using FargateApi.Desired;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Verification;
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

    /// <summary>
    /// The provisioner, behind the check that each event is CloudFormation's unless <see cref="EventVerification.Variable"/>
    /// turns it off (local and emulator use only).
    /// </summary>
    public IResumableLifecycle Lifecycle()
    {
        IResumableLifecycle provisioner = new DeferredLifecycle(() => new StackProvisioner(_connection.Value.Apis, _connection.Value.Options, TimeProvider.System));
        if (!EventVerification.IsOn(_environment))
        {
            _log.Warn("init.verification_off", ("variable", EventVerification.Variable));
            return provisioner;
        }

        return new VerifiedLifecycle(provisioner, new StackResourceVerifier(() => _connection.Value.Apis.CloudFormation, StackResourceVerifier.DefaultRecheckDelay, TimeProvider.System));
    }

    public ILambdaClient Lambda() => _connection.Value.Apis.Lambda;

    public ISecretsManagerClient SecretsManager() => _connection.Value.Apis.SecretsManager;

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
            AllowedListenerArns = AllowedListeners(_environment(ProvisionerOptions.AllowedListenersVariable)),
            Grantable = GrantableResources.Parse(_environment(GrantableResources.Variable)),
        };
        _log.Info(
            "lifecycle.ready",
            ("region", callerOptions.Region),
            ("endpointOverride", _environment("AWS_ENDPOINT_URL") is { Length: > 0 }),
            ("permissionsBoundary", options.PermissionsBoundaryArn is not null),
            ("allowedListeners", options.AllowedListenerArns is null ? "any" : options.AllowedListenerArns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (AwsApis.Over(new AwsHttpCaller(callerOptions)), options);
    }

    /// <summary>
    /// The template's AllowedListenerArns, comma-separated. Unset: any listener (local and CLI use, where no template
    /// deployed the function); set but empty: none, so that every rule is refused with the parameter's name.
    /// </summary>
    public static IReadOnlyList<string>? AllowedListeners(string? variable) =>
        variable is null ? null : [.. variable.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
