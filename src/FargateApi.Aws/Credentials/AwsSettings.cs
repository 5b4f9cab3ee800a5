namespace FargateApi.Aws.Credentials;

/// <summary>Credentials and region for the AWS clients, with where each came from (never the secret itself).</summary>
internal sealed record AwsSettings(AwsCredentials Credentials, string Region, string CredentialsSource, string RegionSource);
