namespace FargateApi.Aws.Http;

/// <summary>
/// One serialized operation call, protocol-shaped but not yet addressed or signed. The protocol serializers
/// produce it; <see cref="IAwsCaller"/> resolves the endpoint, signs, sends, retries and maps errors.
/// </summary>
/// <param name="Operation">The model's operation name (used for X-Amz-Target, logs and errors).</param>
/// <param name="Method">HTTP method (POST for json/query/ec2).</param>
/// <param name="PathAndQuery">Path relative to the endpoint root, already URI-encoded, e.g. "/" or "/2015-03-31/functions/f/invocations".</param>
/// <param name="Headers">Protocol headers such as X-Amz-Target or X-Amz-Invocation-Type (not Host, date or auth).</param>
/// <param name="ContentType">Content-Type of <paramref name="Body"/>, or null when the request has no body.</param>
internal sealed record AwsRequest(
    string Operation,
    HttpMethod Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ContentType);
