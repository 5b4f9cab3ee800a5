namespace FargateApi.Aws.Credentials;

/// <summary>
/// An access key pair, with the session token that temporary credentials (Lambda's execution role, STS) carry.
/// <see cref="ToString"/> never prints the secret or the token, so a logged record cannot leak them.
/// </summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
