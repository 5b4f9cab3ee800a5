using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of each EC2 call, from the Service Authorization Reference page for EC2
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html): Describe* have no resource
/// type; CreateSecurityGroup is authorized on the new security-group (not yet created: <c>security-group/*</c>, as EC2
/// names resources a call creates) and on the vpc; Authorize/RevokeSecurityGroupIngress and DeleteSecurityGroup on the
/// security-group (AuthorizeSecurityGroupIngress's security-group-rule resource type is optional). A named resource that
/// does not exist is not checked (the service answers its own not-found error).
/// </summary>
internal static class Ec2Access
{
    public static IEnumerable<AccessCheck> NoResourceType(string operation) => [AccessCheck.For($"ec2:{operation}", "*")];

    /// <summary>
    /// CreateSecurityGroup on the group and the VPC, and ec2:CreateTags with <c>ec2:CreateAction</c> for the tags of its
    /// TagSpecifications ("Grant permission to tag Amazon EC2 resources during creation",
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html: "The ec2:CreateTags action is
    /// only evaluated if tags are applied during the resource-creating action").
    /// </summary>
    public static IEnumerable<AccessCheck> CreateSecurityGroup(SimulatedAws aws, string vpcId, IReadOnlyDictionary<string, string> tags)
    {
        var group = aws.Context.Arn("ec2", "security-group/*");
        yield return AccessCheck.For("ec2:CreateSecurityGroup", group, new RequestContext().RequestTags(tags));
        if (aws.Stores.Ec2.Vpcs.FirstOrDefault(v => v.VpcId == vpcId) is { } vpc)
        {
            yield return AccessCheck.For("ec2:CreateSecurityGroup", aws.Context.Arn("ec2", $"vpc/{vpcId}"), new RequestContext().RequestTags(tags).ResourceTags(vpc.Tags));
        }

        if (tags.Count > 0)
        {
            yield return AccessCheck.Implied("ec2:CreateTags", group, new RequestContext().RequestTags(tags).With("ec2:CreateAction", "CreateSecurityGroup"));
        }
    }

    /// <summary>A call on existing EC2 resources by id (security groups, VPCs, subnets), with their tags.</summary>
    public static IEnumerable<AccessCheck> OnResources(SimulatedAws aws, string operation, IEnumerable<string> ids, Func<RequestContext>? request = null)
    {
        foreach (var id in ids)
        {
            if (Find(aws, id) is { } found)
            {
                yield return AccessCheck.For($"ec2:{operation}", aws.Context.Arn("ec2", $"{found.Type}/{id}"), (request?.Invoke() ?? new RequestContext()).ResourceTags(found.Resource.Tags));
            }
        }
    }

    private static (string Type, SimulatedResource Resource)? Find(SimulatedAws aws, string id)
    {
        var store = aws.Stores.Ec2;
        if (store.SecurityGroups.FirstOrDefault(g => g.GroupId == id) is { } group)
        {
            return ("security-group", group);
        }

        if (store.Vpcs.FirstOrDefault(v => v.VpcId == id) is { } vpc)
        {
            return ("vpc", vpc);
        }

        return store.Subnets.FirstOrDefault(s => s.SubnetId == id) is { } subnet ? ("subnet", subnet) : null;
    }
}
