namespace FargateApi.Provisioning;

/// <summary>What a physical id (the service ARN) names: the cluster, the service, and the generation of its stack.</summary>
internal sealed record ServiceId(string Cluster, string Service, int Generation);
