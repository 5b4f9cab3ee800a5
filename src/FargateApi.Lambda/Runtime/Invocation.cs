namespace FargateApi.Lambda.Runtime;

/// <summary>One event as the Lambda Runtime API hands it out from <c>/invocation/next</c>.</summary>
/// <param name="Deadline">From <c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function.</param>
/// <param name="TraceId">From <c>Lambda-Runtime-Trace-Id</c>; null when tracing is off.</param>
internal sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? FunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Payload);

/// <summary>What a handler hands back to the Runtime API: a response payload, or an error.</summary>
internal sealed record InvocationResult(ReadOnlyMemory<byte> Payload, RuntimeError? Error)
{
    public static InvocationResult Success(ReadOnlyMemory<byte> payload) => new(payload, null);

    public static InvocationResult Failure(string errorType, string message) => new(default, new RuntimeError(errorType, message));
}

/// <summary>The Runtime API's error document: <c>errorType</c> also travels as <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
internal sealed record RuntimeError(string ErrorType, string ErrorMessage);
