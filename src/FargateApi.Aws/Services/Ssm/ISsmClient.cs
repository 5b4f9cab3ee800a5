namespace FargateApi.Aws.Services.Ssm;

/// <summary>The SSM operation provisioning uses: reading the network parameters (VPC, subnets, cluster, listener, ALB group).</summary>
internal interface ISsmClient
{
    /// <summary>At most <see cref="SsmClient.MaxNamesPerGetParameters"/> names per call.</summary>
    Task<GetParametersResult> GetParametersAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);
}
