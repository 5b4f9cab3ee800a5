using System.Globalization;
using FargateApi.Naming;

namespace FargateApi.Properties;

/// <summary>Rules between properties, run only on values that were valid on their own (null means "invalid or absent: skip").</summary>
internal static class CrossPropertyRules
{
    /// <summary>The longest derived name, the target group of the last replacement generation, must fit ELBv2's 32 characters.</summary>
    public static void NameLengths(ProblemCollector problems, string? projectPrefix, string? serviceName)
    {
        if (projectPrefix is null || serviceName is null)
        {
            return;
        }

        var targetGroup = new ResourceNames(projectPrefix, serviceName, PropertyLimits.MaxReplacementGeneration).TargetGroup;
        if (targetGroup.Length > ResourceNames.MaxTargetGroupNameLength)
        {
            problems.Add(PropertyCatalog.ServiceName.Name, string.Create(CultureInfo.InvariantCulture,
                $"ProjectPrefix and ServiceName together have {projectPrefix.Length + serviceName.Length} characters; at most {PropertyLimits.MaxCombinedNameLength}, because the target group name of a replacement ({ValueText.Quote(targetGroup)}, {targetGroup.Length} characters) must fit ELB's {ResourceNames.MaxTargetGroupNameLength}"));
        }
    }

    /// <summary>
    /// Every name ProjectPrefix and ServiceName make (<see cref="AwsNameRules.Of"/>), at the first and the last
    /// replacement generation, against the rules of the API that receives it: EC2 refuses a security group name starting
    /// with <c>sg-</c>, which ProjectPrefix <c>sg</c> makes. Each problem goes to the property whose value causes it (the
    /// one whose change alone to a plain value clears it), saying what that property may be; a problem both cause goes to
    /// ServiceName, as <see cref="NameLengths"/> does for the target group's length, which it reports.
    /// </summary>
    public static void DerivedNames(ProblemCollector problems, string? projectPrefix, string? serviceName)
    {
        if (projectPrefix is null || serviceName is null)
        {
            return;
        }

        const string Plain = "a";
        var reported = new HashSet<string>(StringComparer.Ordinal); // once per property and rule: generation 0 first
        foreach (var generation in new[] { 0, PropertyLimits.MaxReplacementGeneration })
        {
            var names = AwsNameRules.Of(new ResourceNames(projectPrefix, serviceName, generation)).ToList();
            var plainPrefix = AwsNameRules.Of(new ResourceNames(Plain, serviceName, generation)).ToList();
            var plainService = AwsNameRules.Of(new ResourceNames(projectPrefix, Plain, generation)).ToList();
            for (var i = 0; i < names.Count; i++)
            {
                var (rule, name) = names[i];
                foreach (var violation in rule.Check(name))
                {
                    if (violation.Kind == NameViolationKind.TooLong && rule == AwsNameRules.TargetGroup)
                    {
                        continue;
                    }

                    bool ClearedBy(List<(AwsNameRule Rule, string Name)> changed) => changed[i].Rule.Check(changed[i].Name).All(other => other.Kind != violation.Kind);
                    var byPrefix = ClearedBy(plainPrefix);
                    var byService = ClearedBy(plainService);
                    var (property, value) = byPrefix && !byService ? (PropertyCatalog.ProjectPrefix, projectPrefix) : (PropertyCatalog.ServiceName, serviceName);
                    var made = byPrefix == byService ? "ProjectPrefix and ServiceName make" : ValueText.Quote(value) + " makes";
                    var message = $"{made} the {violation.What} {ValueText.Quote(name)}: it {violation.Reason}; allowed: {Allowed(property, rule, violation, projectPrefix.Length + serviceName.Length)}";
                    if (reported.Add($"{property.Name} {violation.What} {violation.Kind}"))
                    {
                        problems.Add(property.Name, message);
                    }
                }
            }
        }
    }

    /// <summary>What the property may be so the name follows the rule.</summary>
    private static string Allowed(PropertyDefinition property, AwsNameRule rule, NameViolation violation, int combinedLength) => violation.Kind switch
    {
        // Every derived name a forbidden start can hit begins with "{ProjectPrefix}-".
        NameViolationKind.Prefix when rule.ForbiddenPrefix is { } prefix => prefix.EndsWith('-')
            ? $"any {property.Name} but '{prefix.TrimEnd('-')}' or one starting with '{prefix}'"
            : $"any {property.Name} not starting with '{prefix}'",
        NameViolationKind.TooLong => string.Create(CultureInfo.InvariantCulture,
            $"ProjectPrefix and ServiceName together at most {combinedLength - (violation.Name.Length - rule.MaxLength)} characters"),
        _ => property.AllowedText ?? rule.AllowedText,
    };

    /// <summary>Fargate allows only the memory sizes of the CPU's tier.</summary>
    public static void Memory(ProblemCollector problems, int? cpu, int? memory)
    {
        if (cpu is null || memory is null || FargateSizes.For(cpu.Value) is not { } tier || tier.Allows(memory.Value))
        {
            return;
        }

        problems.Add(PropertyCatalog.Memory.Name, string.Create(CultureInfo.InvariantCulture,
            $"{memory} is not allowed with Cpu {cpu}; allowed: {tier.Describe()}"));
    }

    /// <summary>A full image URI and the ECR repository/tag pair are two ways to say the same thing: only one may be given.</summary>
    public static void ImageSource(ProblemCollector problems, string? image, bool repositoryGiven, bool tagGiven)
    {
        if (image is null)
        {
            return;
        }

        if (repositoryGiven || tagGiven)
        {
            var both = repositoryGiven && tagGiven ? "ImageRepository and ImageTag" : repositoryGiven ? "ImageRepository" : "ImageTag";
            problems.Add(PropertyCatalog.Image.Name, $"a full image URI excludes ImageRepository and ImageTag; remove {both} or Image");
        }

        var name = image.Split('@')[0];
        if (name.Length > PropertyLimits.MaxImageNameLength)
        {
            problems.Add(PropertyCatalog.Image.Name, string.Create(CultureInfo.InvariantCulture,
                $"{ValueText.Quote(image)} has {name.Length} characters before any digest; at most {PropertyLimits.MaxImageNameLength}"));
        }
    }

    /// <summary>One variable comes from one place: ECS rejects a name both in environment and secrets.</summary>
    public static void VariableSources(ProblemCollector problems, IReadOnlyDictionary<string, string>? environment, IReadOnlyDictionary<string, string>? secrets)
    {
        if (environment is null || secrets is null)
        {
            return;
        }

        foreach (var name in secrets.Keys.Where(environment.ContainsKey))
        {
            problems.Add(PropertyCatalog.Secrets.Name + "." + ValueText.Segment(name), "also set in EnvironmentVariables; a variable may come from only one of them");
        }

        var total = environment.Count + secrets.Count;
        if (total > PropertyLimits.MaxEnvironmentEntries)
        {
            problems.Add(PropertyCatalog.EnvironmentVariables.Name, string.Create(CultureInfo.InvariantCulture,
                $"EnvironmentVariables and Secrets hold {total} variables together; at most {PropertyLimits.MaxEnvironmentEntries}"));
        }
    }

    /// <summary>ALB rule conditions: at least one value, at most 5 values and 5 wildcards per rule, path patterns and host headers together.</summary>
    public static void ListenerConditions(ProblemCollector problems, IReadOnlyList<string>? pathPatterns, IReadOnlyList<string>? hostHeaders)
    {
        if (pathPatterns is null || hostHeaders is null)
        {
            return;
        }

        var values = pathPatterns.Count + hostHeaders.Count;
        if (values == 0)
        {
            problems.Add(PropertyCatalog.PathPatterns.Name, "the listener rule needs at least one path pattern or host header; PathPatterns and HostHeaders are both empty");
            return;
        }

        if (values > PropertyLimits.MaxConditionValuesPerRule)
        {
            problems.Add(PropertyCatalog.PathPatterns.Name, string.Create(CultureInfo.InvariantCulture,
                $"PathPatterns ({pathPatterns.Count}) and HostHeaders ({hostHeaders.Count}) give {values} condition values; an ALB rule allows at most {PropertyLimits.MaxConditionValuesPerRule}"));
        }

        var wildcards = pathPatterns.Concat(hostHeaders).Sum(v => v.Count(c => c is '*' or '?'));
        if (wildcards > PropertyLimits.MaxWildcardsPerRule)
        {
            problems.Add(PropertyCatalog.PathPatterns.Name, string.Create(CultureInfo.InvariantCulture,
                $"PathPatterns and HostHeaders hold {wildcards} wildcards (* or ?); an ALB rule allows at most {PropertyLimits.MaxWildcardsPerRule}"));
        }
    }
}
