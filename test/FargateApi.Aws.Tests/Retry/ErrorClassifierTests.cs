using FargateApi.Aws.Retry;

namespace FargateApi.Aws.Tests.Retry;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    public void Throttling_codes_are_throttling_whatever_the_status(string code)
    {
        Assert.Equal(RetryKind.Throttling, ErrorClassifier.Classify(code, 400, "x"));
    }

    [Theory]
    [InlineData("RequestTimeout", 400)]
    [InlineData("RequestTimeoutException", 408)]
    [InlineData("IDPCommunicationError", 400)]
    [InlineData("InternalFailure", 500)]
    [InlineData("Http502", 502)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("Http504", 504)]
    public void Timeouts_and_server_errors_are_transient(string code, int status)
    {
        Assert.Equal(RetryKind.Transient, ErrorClassifier.Classify(code, status, null));
    }

    [Theory]
    [InlineData("ValidationException", 400, "1 validation error detected")]
    [InlineData("InvalidParameterException", 400, "Invalid cpu")]
    [InlineData("ClientException", 400, "Role is not valid")]
    [InlineData("LimitExceededException", 400, "The limit for the resource was exceeded.")]
    [InlineData("LimitExceeded", 409, "Cannot exceed quota for RolesPerAccount")]
    [InlineData("AccessDeniedException", 403, "not authorized")]
    [InlineData("Http501", 501, null)]
    public void Validation_quota_and_permission_errors_are_not_retried(string code, int status, string? message)
    {
        Assert.Equal(RetryKind.None, ErrorClassifier.Classify(code, status, message));
    }

    [Theory]
    [InlineData("LimitExceededException", 400, "Rate exceeded")]
    [InlineData("Http429", 429, null)]
    [InlineData("ClientException", 400, "Rate exceeded for this account")]
    public void Rate_messages_and_429_are_throttling(string code, int status, string? message)
    {
        Assert.Equal(RetryKind.Throttling, ErrorClassifier.Classify(code, status, message));
    }
}
