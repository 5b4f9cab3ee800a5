using System.Collections.Frozen;

namespace FargateApi.Aws.Retry;

/// <summary>
/// Decides from an error's code, HTTP status and message whether to retry. Code lists from botocore
/// retries/standard.py (THROTTLED_ERROR_CODES, TRANSIENT_ERROR_CODES) and the SDK retry behavior guide
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html), with one deliberate change:
/// botocore treats <c>LimitExceededException</c> as throttling, but every service we call uses it (and IAM
/// <c>LimitExceeded</c>) for a quota, which no retry fixes: ECS "The limit for the resource was exceeded",
/// Application Auto Scaling "A per-account resource limit is exceeded", CloudWatch Logs "You have reached the
/// maximum number of resources", IAM "beyond the current Amazon Web Services account limits" (error shape
/// documentation in each service-2.json). So it is retried only when its message says "Rate exceeded".
/// </summary>
internal static class ErrorClassifier
{
    public static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.ToFrozenSet(
    [
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> TransientCodes = FrozenSet.ToFrozenSet(
    [
        "RequestTimeout",
        "RequestTimeoutException",
        "IDPCommunicationError",
    ], StringComparer.Ordinal);

    /// <summary>The message ELBv2, ECS and others send with throttling errors, whatever the code.</summary>
    public const string RateExceededMessage = "Rate exceeded";

    public const int TooManyRequestsStatus = 429;

    // 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry; botocore retries 500/502/503/504.
    private static readonly FrozenSet<int> PermanentServerStatuses = FrozenSet.ToFrozenSet([501, 505]);

    public static RetryKind Classify(string errorCode, int httpStatus, string? message)
    {
        if (ThrottlingCodes.Contains(errorCode) || httpStatus == TooManyRequestsStatus
            || (message is not null && message.Contains(RateExceededMessage, StringComparison.OrdinalIgnoreCase)))
        {
            return RetryKind.Throttling;
        }

        if (TransientCodes.Contains(errorCode) || (httpStatus >= 500 && !PermanentServerStatuses.Contains(httpStatus)))
        {
            return RetryKind.Transient;
        }

        return RetryKind.None;
    }
}
