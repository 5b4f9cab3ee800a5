using FargateApi.Provisioning;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>What running (or resuming) an operation leaves the edge to do: answer CloudFormation, or hand the wait on.</summary>
internal abstract record OperationResult;

/// <summary>Finished or failed: CloudFormation gets this response.</summary>
internal sealed record AnswerResult(CustomResourceResponse Response) : OperationResult;

/// <summary>
/// Not finished: CloudFormation must not be answered yet; the continuation goes to a new invocation of the provider.
/// </summary>
/// <param name="FailurePhysicalId">The id a FAILED answer carries should the hand-off itself fail.</param>
internal sealed record ContinueResult(ResponseTarget Target, RequestType RequestType, string FailurePhysicalId, LifecycleContinuation Continuation) : OperationResult;

/// <summary>
/// Not to be answered at all: CloudFormation moved on while the operation waited (its resource was deleted meanwhile), so
/// an answer would reach nobody, or worse, contradict the one it acted on.
/// </summary>
internal sealed record AbandonedResult(string Reason) : OperationResult;
