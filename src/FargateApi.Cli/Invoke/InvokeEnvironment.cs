using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Invoke;

/// <summary>
/// Where <c>invoke</c> gets its lifecycle: by default the real <see cref="StackProvisioner"/> over our AWS clients, with
/// credentials, region and endpoint overrides from the standard environment variables (AWS_ACCESS_KEY_ID, AWS_PROFILE,
/// AWS_REGION, AWS_ENDPOINT_URL…), wired as FargateApi.Lambda's AwsWiring does; tests pass another.
/// </summary>
/// <param name="BuildLifecycle">Called only when the event needs AWS (valid properties), with the <c>--function-arn</c> if given.</param>
internal sealed record InvokeEnvironment(Func<string, string?> Variables, Func<string?, IResourceLifecycle>? BuildLifecycle = null)
{
    /// <exception cref="AwsConfigurationException">No credentials or no region.</exception>
    public IResourceLifecycle Lifecycle(string? functionArn) => BuildLifecycle is { } build ? build(functionArn) : Real(functionArn);

    public string? Region => Variables("AWS_REGION") ?? Variables("AWS_DEFAULT_REGION");

    private StackProvisioner Real(string? functionArn)
    {
        var options = AwsCallerOptions.FromEnvironment(Variables);
        var apis = AwsApis.Over(new AwsHttpCaller(options));
        return new StackProvisioner(apis, new ProvisionerOptions(options.Region, functionArn), TimeProvider.System);
    }
}
