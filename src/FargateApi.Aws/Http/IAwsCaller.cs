namespace FargateApi.Aws.Http;

/// <summary>
/// The seam between the typed service clients and the network: resolve the endpoint, sign with SigV4,
/// send, retry transient failures within the caller's deadline, and turn error responses of every protocol
/// into <see cref="AwsServiceException"/>. The cancellation token carries the caller's deadline.
/// </summary>
internal interface IAwsCaller
{
    Task<AwsResponse> SendAsync(AwsService service, AwsRequest request, CancellationToken cancellationToken);
}
