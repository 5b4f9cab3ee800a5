namespace FargateApi.Aws.Http;

/// <summary>An error answered by an AWS service, whatever its protocol, after retries were exhausted or not allowed.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, string errorCode, string message, int httpStatus, string? requestId)
        : base($"{service}.{operation} failed: {errorCode}: {message} (HTTP {httpStatus}, request id {requestId ?? "none"})")
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ErrorMessage = message;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    /// <summary>A failure with no (complete) answer from the service, e.g. a dropped connection or an attempt timeout.</summary>
    public AwsServiceException(string service, string operation, string errorCode, string message, int httpStatus, string? requestId, Exception? innerException)
        : base($"{service}.{operation} failed: {errorCode}: {message} (HTTP {httpStatus}, request id {requestId ?? "none"})", innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ErrorMessage = message;
        HttpStatus = httpStatus;
        RequestId = requestId;
    }

    public AwsServiceException()
        : this("unknown", "unknown", "Unknown", "unknown error", 0, null)
    {
    }

    public AwsServiceException(string message)
        : this("unknown", "unknown", "Unknown", message, 0, null)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "unknown";
        Operation = "unknown";
        ErrorCode = "Unknown";
        ErrorMessage = message;
    }

    public string Service { get; }
    public string Operation { get; }
    public string ErrorCode { get; }
    public string ErrorMessage { get; }
    public int HttpStatus { get; }
    public string? RequestId { get; }
}
