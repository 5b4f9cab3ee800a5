namespace FargateApi.Aws.Http;

/// <summary>The wire protocols the models in botocore's data folder declare for the services we call.</summary>
internal enum AwsProtocol
{
    /// <summary>POST / with <c>X-Amz-Target: {TargetPrefix}.{Operation}</c> and <c>application/x-amz-json-1.1</c>.</summary>
    Json,

    /// <summary>POST / form-encoded <c>Action</c> + <c>Version</c>, XML responses (ELBv2, IAM).</summary>
    Query,

    /// <summary>Like query, with EC2's own list serialization and error envelope.</summary>
    Ec2,

    /// <summary>REST paths with JSON bodies (Lambda).</summary>
    RestJson,
}

/// <summary>
/// What the HTTP layer needs to know about one AWS service: how to find its endpoint, how to sign for it,
/// and how its requests and errors are shaped. Values come from each model's <c>metadata</c> block.
/// </summary>
/// <param name="EndpointEnvName">The service id as the SDKs spell it in <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>.</param>
/// <param name="EndpointPrefix">metadata.endpointPrefix: the host label of the regional endpoint.</param>
/// <param name="SigningName">metadata.signingName (falls back to endpointPrefix in the model).</param>
/// <param name="TargetPrefix">metadata.targetPrefix, json protocol only.</param>
/// <param name="ApiVersion">metadata.apiVersion: the <c>Version</c> parameter of query/ec2 requests.</param>
/// <param name="IsGlobal">IAM: one endpoint per partition, signed for the partition's global region.</param>
internal sealed record AwsService(
    string EndpointEnvName,
    string EndpointPrefix,
    string SigningName,
    AwsProtocol Protocol,
    string ApiVersion,
    string? TargetPrefix = null,
    bool IsGlobal = false);
