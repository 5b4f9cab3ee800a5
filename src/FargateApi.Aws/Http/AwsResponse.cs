namespace FargateApi.Aws.Http;

/// <summary>A successful (2xx) response; errors never reach the caller as a response, they are thrown as <see cref="AwsServiceException"/>.</summary>
internal sealed record AwsResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);
