using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Faults;

/// <summary>
/// The throttling error each protocol answers with. json services: <c>ThrottlingException</c> "Rate exceeded";
/// query services (ELBv2, IAM, STS, CloudFormation): <c>Throttling</c> "Rate exceeded"; EC2: <c>RequestLimitExceeded</c>
/// (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html); Lambda: <c>TooManyRequestsException</c>
/// with HTTP 429 (botocore lambda model). botocore's retryhandler treats all four as throttles.
/// </summary>
internal static class ThrottlingErrors
{
    public static AwsServiceException For(string service, string operation) => service switch
    {
        SimServices.Ec2 => AwsErrors.Create(service, operation, "RequestLimitExceeded", "Request limit exceeded.", 503),
        SimServices.Elbv2 or SimServices.Iam or SimServices.Sts or SimServices.CloudFormation => AwsErrors.Create(service, operation, "Throttling", "Rate exceeded", 400),
        SimServices.Lambda => AwsErrors.Create(service, operation, "TooManyRequestsException", "Rate Exceeded.", 429),
        _ => AwsErrors.Create(service, operation, "ThrottlingException", "Rate exceeded", 400),
    };
}
