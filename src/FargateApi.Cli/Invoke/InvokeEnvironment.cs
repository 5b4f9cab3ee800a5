using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Invoke;

/// <summary>
/// Where <c>invoke</c> gets its lifecycle: by default the real <see cref="StackProvisioner"/> over our AWS clients, with
/// credentials, region and endpoint overrides from the standard environment variables (AWS_ACCESS_KEY_ID, AWS_PROFILE,
/// AWS_REGION, AWS_ENDPOINT_URL…), wired as FargateApi.Lambda's AwsWiring does; tests pass another.
/// </summary>
/// <param name="BuildLifecycle">
/// Called only when the event needs AWS (valid properties), with the provisioner options invoke chose (region, the
/// <c>--function-arn</c>, the progress observer); tests build a provisioner over the simulation with them.
/// </param>
internal sealed record InvokeEnvironment(Func<string, string?> Variables, Func<ProvisionerOptions, IResourceLifecycle>? BuildLifecycle = null)
{
    /// <summary>Where the options say the region is when no AWS configuration is read (an injected lifecycle).</summary>
    private const string FallbackRegion = "us-east-1";

    /// <exception cref="AwsConfigurationException">No credentials or no region.</exception>
    public IResourceLifecycle Lifecycle(string? functionArn, IProgress<WaitProgress>? progress)
    {
        if (BuildLifecycle is { } build)
        {
            return build(new ProvisionerOptions(Region ?? FallbackRegion, functionArn) { Progress = progress });
        }

        var options = AwsCallerOptions.FromEnvironment(Variables);
        var apis = AwsApis.Over(new AwsHttpCaller(options));
        return new StackProvisioner(apis, new ProvisionerOptions(options.Region, functionArn) { Progress = progress }, TimeProvider.System);
    }

    public string? Region => Variables("AWS_REGION") ?? Variables("AWS_DEFAULT_REGION");
}
