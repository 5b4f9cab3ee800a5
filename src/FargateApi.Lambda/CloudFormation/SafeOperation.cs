namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// The edge's one net under every operation it runs, a first invocation's and every resumed one's, as the CDK provider
/// framework's <c>safeHandler</c> wraps both its onEvent and isComplete handlers (aws-cdk-lib custom-resources
/// provider-framework runtime/cfn-response.ts): whatever the operation throws becomes exactly one FAILED answer,
/// its Reason the exception's message, its PhysicalResourceId the request's fallback
/// (<see cref="Operation.FallbackPhysicalId"/>: a failed Create's marker, otherwise the event's own id). Only a
/// cancellation through the caller's token is passed on: that is the caller's deadline, and the caller words the timeout.
/// </summary>
internal static class SafeOperation
{
    public static async Task<OperationResult> RunAsync(
        CustomResourceRequest request,
        Func<CancellationToken, Task<OperationResult>> operation,
        CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The lifecycle reports failures by throwing, and a bug of the edge must still be answered: each becomes the FAILED Reason.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var physicalId = Operation.FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
            return new AnswerResult(CustomResourceResponse.Failed(request.Target, physicalId, ReasonFor(exception)));
        }
    }

    /// <summary>The exception's message, not its stack trace: the Reason is for the person reading the stack events.</summary>
    public static string ReasonFor(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return string.IsNullOrWhiteSpace(exception.Message) ? exception.GetType().Name : exception.Message;
    }
}
