using FargateApi.Aws.Http;

namespace FargateApi.Simulation.Core;

/// <summary>
/// Builds the exceptions the real services answer with. Codes come from the botocore models' exception shapes
/// (the <c>error.code</c> of query-protocol shapes, the shape name for json/rest-json) or, for EC2 which models
/// no errors, from https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html.
/// </summary>
internal static class AwsErrors
{
    private const string RequestId = "00000000-0000-0000-0000-000000000000";

    public static AwsServiceException Create(string service, string operation, string code, string message, int httpStatus = 400) =>
        new(service, operation, code, message, httpStatus, RequestId);
}
