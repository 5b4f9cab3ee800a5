using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ssm;

/// <summary>SSM over the json 1.1 protocol (target prefix AmazonSSM).</summary>
internal sealed class SsmClient(IAwsCaller caller) : ISsmClient
{
    /// <summary>GetParameters.Names: shape ParameterNameList, min 1, max 10 (ssm/2014-11-06 model).</summary>
    public const int MaxNamesPerGetParameters = 10;

    public Task<GetParametersResult> GetParametersAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count is 0 or > MaxNamesPerGetParameters)
        {
            throw new ArgumentException($"GetParameters takes 1 to {MaxNamesPerGetParameters} names, not {names.Count}.", nameof(names));
        }

        return JsonProtocol.CallAsync(caller, AwsServices.Ssm, "GetParameters", new GetParametersRequest(names), SsmJsonContext.Default.GetParametersRequest, SsmJsonContext.Default.GetParametersResult, cancellationToken);
    }
}
