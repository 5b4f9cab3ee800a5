using FargateApi.Aws.Http;
using FargateApi.Aws.Services;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// An <see cref="IAwsCaller"/> that records every request a client sends and answers it with the model-generated,
/// fully populated sample response of that operation, so one call exercises both the serializer and the parser.
/// </summary>
internal sealed class ModelAnsweringCaller : IAwsCaller
{
    private readonly List<SentRequest> _sent = [];

    public IReadOnlyList<SentRequest> Sent => _sent;

    /// <summary>The botocore model folder of a service descriptor, as OperationCatalog names it.</summary>
    public static string ModelNameOf(AwsService service) =>
        OperationCatalog.All.FirstOrDefault(o => ReferenceEquals(o.Service, service))?.ServiceModelName
        ?? throw new InvalidOperationException($"{service.EndpointPrefix} is not in OperationCatalog: add its operations there");

    public Task<AwsResponse> SendAsync(AwsService service, AwsRequest request, CancellationToken cancellationToken)
    {
        var modelName = ModelNameOf(service);
        _sent.Add(new SentRequest(modelName, service, request));
        var model = ServiceModel.Load(modelName);
        if (!model.HasOperation(request.Operation))
        {
            throw new InvalidOperationException($"{modelName} has no operation '{request.Operation}'");
        }

        return Task.FromResult(SampleResponses.For(model, request.Operation, request));
    }
}

/// <summary>One captured call: the model it belongs to, the descriptor the client used, and the request as serialized.</summary>
internal sealed record SentRequest(string ModelName, AwsService Service, AwsRequest Request);
