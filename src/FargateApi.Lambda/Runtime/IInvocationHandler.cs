namespace FargateApi.Lambda.Runtime;

/// <summary>The function's code as the runtime loop sees it. Throwing is allowed: the loop reports it as an invocation error.</summary>
internal interface IInvocationHandler
{
    Task<InvocationResult> HandleAsync(Invocation invocation, InvocationContext context, CancellationToken cancellationToken);
}
