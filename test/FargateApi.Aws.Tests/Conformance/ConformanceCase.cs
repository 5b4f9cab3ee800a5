using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// One client method called with a fully populated sample request.
/// </summary>
/// <param name="Model">The botocore model folder (as OperationCatalog names it).</param>
/// <param name="Operation">The model operation the call must send.</param>
/// <param name="Interface">The service interface that declares <paramref name="Method"/>.</param>
/// <param name="Call">Builds the client from the caller and calls it; returns what the method returned (null for Task).</param>
/// <param name="MayStayEmpty">Result properties the generated response cannot fill, each with the reason in a comment at the case.</param>
internal sealed record ConformanceCase(
    string Model,
    string Operation,
    Type Interface,
    string Method,
    Func<IAwsCaller, CancellationToken, Task<object?>> Call,
    IReadOnlyList<string> MayStayEmpty)
{
    /// <summary>Distinguishes several cases of one method (e.g. DescribeTargetGroups by names, by ARNs, by load balancer).</summary>
    public string Variant { get; init; } = "";

    public string Id => Variant.Length == 0 ? $"{Model}:{Operation}:{Method}" : $"{Model}:{Operation}:{Method}:{Variant}";

    public override string ToString() => Id;

    public static ConformanceCase Of<TClient>(string model, string operation, string method, Func<IAwsCaller, TClient> client, Func<TClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        new(model, operation, typeof(TClient), method, async (caller, ct) =>
        {
            var task = call(client(caller), ct);
            await task.ConfigureAwait(false);
            return ReturnsValue(typeof(TClient), method) ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        }, mayStayEmpty);

    /// <summary>Whether the interface method returns <c>Task&lt;T&gt;</c> (a result to check) rather than plain <c>Task</c>.</summary>
    public static bool ReturnsValue(Type contract, string method) =>
        contract.GetMethods().Concat(contract.GetInterfaces().SelectMany(i => i.GetMethods())).First(m => m.Name == method).ReturnType != typeof(Task);
}
