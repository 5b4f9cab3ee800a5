using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>
/// AWS limits a derived stack can break even when every property passed validation: generation suffixes lengthen names
/// (<c>-g1</c>), and policies and tags grow with the lists they are made from. Every name is checked against its
/// <see cref="AwsNameRules"/> rule (length, characters, forbidden starts) before any call is made, so a replacement fails
/// up front instead of half-way.
/// </summary>
internal static class DesiredStackLimits
{
    public static ValueList<string> Problems(DesiredStack stack)
    {
        var problems = new List<string>();

        void Name(AwsNameRule rule, string value) => problems.AddRange(rule.Check(value).Select(violation => violation.Message));

        Name(AwsNameRules.TargetGroup, stack.TargetGroup.Name);
        Name(AwsNameRules.Service, stack.Service.Name);
        Name(AwsNameRules.TaskFamily, stack.TaskDefinition.Family);
        Name(AwsNameRules.Container, stack.TaskDefinition.Container.Name);
        Name(AwsNameRules.SecurityGroup, stack.SecurityGroup.Name);
        Name(AwsNameRules.SecurityGroupDescription, stack.SecurityGroup.Description);
        Name(AwsNameRules.LogGroup, stack.LogGroup.Name);
        if (stack.TaskDefinition.Container.LogOptions.TryGetValue(DesiredContainer.StreamPrefixOption, out var streamPrefix))
        {
            Name(AwsNameRules.LogStreamPrefix, streamPrefix);
        }

        foreach (var role in new[] { stack.ExecutionRole, stack.TaskRole }.OfType<DesiredRole>())
        {
            Name(AwsNameRules.Role, role.Name);
            Name(AwsNameRules.RolePolicy, role.PolicyName);
            if (role.PolicyDocument is { } document && document.Length > PolicyDocuments.MaxInlinePolicyCharacters)
            {
                problems.Add($"the policy of role '{role.Name}' is {document.Length} characters; IAM allows {PolicyDocuments.MaxInlinePolicyCharacters} per role");
            }
        }

        foreach (var policy in stack.Scaling?.Policies ?? ValueList<DesiredScalingPolicy>.Empty)
        {
            Name(AwsNameRules.ScalingPolicy, policy.Name);
        }

        if (stack.ListenerRule.Priority is < PropertyLimits.MinPriority or > PropertyLimits.MaxPriority)
        {
            problems.Add($"listener rule priority {stack.ListenerRule.Priority} is outside {PropertyLimits.MinPriority}–{PropertyLimits.MaxPriority}");
        }

        // The roles carry one provider tag more than the rest (the project prefix): the most tagged resource is checked.
        var tagged = new[] { stack.ExecutionRole, stack.TaskRole }.OfType<DesiredRole>()
            .Select(role => (What: "the IAM roles", role.Tags, Own: Ownership.RoleTagCount))
            .Append((What: "each resource", stack.Service.Tags, Own: Ownership.OwnershipTagCount));
        foreach (var (what, tags, own) in tagged.Where(resource => resource.Tags.Count > Ownership.MaxTagsPerResource).Take(1))
        {
            problems.Add($"{tags.Count} tags on {what} with the provider's own {own}; AWS allows {Ownership.MaxTagsPerResource} per resource");
        }

        return problems.ToValueList();
    }
}
