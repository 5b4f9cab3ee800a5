namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>ELBv2 limits the client enforces before sending.</summary>
internal static class ElbLimits
{
    /// <summary>DescribeTags.ResourceArns: "Maximum number of 20 items" (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html).</summary>
    public const int MaxResourcesPerDescribeTags = 20;

    /// <summary>Shape RulePriority: min 1, max 50000 (elbv2/2015-12-01 model).</summary>
    public const int MinRulePriority = 1;
    public const int MaxRulePriority = 50000;
}
