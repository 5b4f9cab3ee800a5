using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Protocols;

/// <summary>
/// The awsJson1_1 protocol (ECS, Application Auto Scaling, CloudWatch Logs, SSM): <c>POST /</c>, the operation named by
/// <c>X-Amz-Target: {targetPrefix}.{Operation}</c>, the input structure as the JSON body. Bodies go through source-generated
/// <see cref="JsonTypeInfo{T}"/> only, so nothing here needs reflection under Native AOT.
/// See https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html.
/// </summary>
internal static class JsonProtocol
{
    internal const string ContentType = "application/x-amz-json-1.1";
    internal const string TargetHeader = "X-Amz-Target";

    public static AwsRequest CreateRequest<TRequest>(AwsService service, string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo)
    {
        var target = service.TargetPrefix
            ?? throw new InvalidOperationException($"{service.EndpointPrefix} has no targetPrefix: it does not speak the json protocol.");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [TargetHeader] = $"{target}.{operation}" };
        return new AwsRequest(operation, HttpMethod.Post, "/", headers, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo), ContentType);
    }

    /// <summary>Reads an output structure; an empty body (some operations answer nothing) reads as <c>{}</c>.</summary>
    public static TResponse ReadResponse<TResponse>(string operation, AwsResponse response, JsonTypeInfo<TResponse> responseInfo)
    {
        ReadOnlySpan<byte> body = response.Body.Length == 0 ? "{}"u8 : response.Body;
        try
        {
            return JsonSerializer.Deserialize(body, responseInfo)
                ?? throw new InvalidDataException($"{operation} answered null instead of a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{operation} answered JSON that does not match its output shape: {ex.Message}", ex);
        }
    }

    public static async Task<TResponse> CallAsync<TRequest, TResponse>(
        IAwsCaller caller,
        AwsService service,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken)
    {
        var response = await caller.SendAsync(service, CreateRequest(service, operation, request, requestInfo), cancellationToken).ConfigureAwait(false);
        return ReadResponse(operation, response, responseInfo);
    }

    /// <summary>For operations whose output we do not read (deletes, tag writes): only success matters.</summary>
    public static async Task CallAsync<TRequest>(
        IAwsCaller caller,
        AwsService service,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        CancellationToken cancellationToken)
    {
        _ = await caller.SendAsync(service, CreateRequest(service, operation, request, requestInfo), cancellationToken).ConfigureAwait(false);
    }
}
