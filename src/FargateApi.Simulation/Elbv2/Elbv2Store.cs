using FargateApi.Aws.Http;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Elbv2;

/// <summary>
/// Load balancers and listeners (seeded), listener rules and target groups. Codes are the <c>error.code</c> of the
/// elbv2/2015-12-01 model's exception shapes; messages are the ones AWS answers in the wild (cited per rule).
/// </summary>
internal sealed partial class Elbv2Store(SimulationContext context)
{
    /// <summary>"Rules per Application Load Balancer (not counting default rules): 100" (ALB quotas page).</summary>
    public const int MaxRulesPerLoadBalancer = 100;

    private const string Service = SimServices.Elbv2;
    private readonly Dictionary<string, SimLoadBalancer> _loadBalancers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimListener> _listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimListenerRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimTargetGroup> _targetGroups = new(StringComparer.Ordinal);

    public IEnumerable<SimLoadBalancer> LoadBalancers => _loadBalancers.Values;
    public IEnumerable<SimListener> Listeners => _listeners.Values;
    public IEnumerable<SimListenerRule> Rules => _rules.Values;
    public IEnumerable<SimTargetGroup> TargetGroups => _targetGroups.Values;

    public SimLoadBalancer AddLoadBalancer(string name, string vpcId, IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, bool seeded)
    {
        var id = context.Ids.Hex(16);
        var lb = new SimLoadBalancer
        {
            Arn = context.Arn("elasticloadbalancing", $"loadbalancer/app/{name}/{id}"),
            Name = name,
            DnsName = $"{name}-{id[..10]}.{context.Region}.elb.amazonaws.com",
            VpcId = vpcId,
            Subnets = subnets,
            SecurityGroups = securityGroups,
            Seeded = seeded,
        };
        _loadBalancers[lb.Arn] = lb;
        return lb;
    }

    /// <summary>A listener and its default rule (fixed 404 response unless told otherwise).</summary>
    public SimListener AddListener(SimLoadBalancer lb, int port, string protocol, object defaultActions, IReadOnlyList<string> defaultTargetGroups, bool seeded)
    {
        var listener = new SimListener
        {
            Arn = lb.Arn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + context.Ids.Hex(16),
            LoadBalancerArn = lb.Arn,
            Port = port,
            Protocol = protocol,
            Seeded = seeded,
        };
        _listeners[listener.Arn] = listener;
        var rule = NewRule(listener, null, Array.Empty<object>(), defaultActions, defaultTargetGroups);
        rule.Seeded = seeded;
        return listener;
    }

    public SimListener RequireListener(string arn, string operation) =>
        _listeners.TryGetValue(arn, out var listener)
            ? listener
            : throw AwsErrors.Create(Service, operation, "ListenerNotFound", "One or more listeners not found");

    public SimLoadBalancer RequireLoadBalancer(string arn, string operation) =>
        _loadBalancers.TryGetValue(arn, out var lb)
            ? lb
            : throw AwsErrors.Create(Service, operation, "LoadBalancerNotFound", "One or more load balancers not found");

    /// <summary>
    /// Names are unique per account and region. The same name with the same settings returns the existing group;
    /// different settings: <c>DuplicateTargetGroupName</c> "A target group with the same name 'x' exists, but with
    /// different settings" (cloudposse/terraform-aws-alb#109; kubernetes/ingress-nginx#6474).
    /// </summary>
    public SimTargetGroup CreateTargetGroup(string name, string protocol, int port, string vpcId, string targetType, object settings,
        SimHealthCheckTiming healthCheck, IEnumerable<KeyValuePair<string, string>>? tags)
    {
        var existing = _targetGroups.Values.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            var same = existing.Protocol == protocol && existing.Port == port && existing.VpcId == vpcId
                && existing.TargetType == targetType && Equals(existing.Settings, settings);
            return same
                ? existing
                : throw AwsErrors.Create(Service, "CreateTargetGroup", "DuplicateTargetGroupName",
                    $"A target group with the same name '{name}' exists, but with different settings");
        }

        var group = context.Created(new SimTargetGroup
        {
            Arn = context.Arn("elasticloadbalancing", $"targetgroup/{name}/{context.Ids.Hex(16)}"),
            Name = name,
            Protocol = protocol,
            Port = port,
            VpcId = vpcId,
            TargetType = targetType,
            Settings = settings,
            HealthCheck = healthCheck,
        });
        group.MergeTags(tags);
        _targetGroups[group.Arn] = group;
        return group;
    }

    public SimTargetGroup RequireTargetGroup(string arn, string operation, bool read = false) =>
        _targetGroups.TryGetValue(arn, out var group) && group.IsVisibleTo(read)
            ? group
            : throw AwsErrors.Create(Service, operation, "TargetGroupNotFound", "One or more target groups not found");

    public IReadOnlyList<SimTargetGroup> DescribeTargetGroups(IReadOnlyList<string>? arns, IReadOnlyList<string>? names, string? loadBalancerArn)
    {
        const string Operation = "DescribeTargetGroups";
        if (arns is { Count: > 0 })
        {
            return [.. arns.Select(a => RequireTargetGroup(a, Operation, read: true))];
        }

        if (names is { Count: > 0 })
        {
            return [.. names.Select(n => _targetGroups.Values.FirstOrDefault(t => string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase) && t.IsVisibleToRead())
                ?? throw AwsErrors.Create(Service, Operation, "TargetGroupNotFound", $"Target groups '[{n}]' not found"))];
        }

        if (loadBalancerArn is not null)
        {
            RequireLoadBalancer(loadBalancerArn, Operation);
            return [.. _targetGroups.Values.Where(t => LoadBalancerArnsOf(t).Contains(loadBalancerArn, StringComparer.Ordinal))];
        }

        return [.. _targetGroups.Values.Where(t => t.IsVisibleToRead())];
    }

    public SimTargetGroup? FindTargetGroup(string arn) => _targetGroups.GetValueOrDefault(arn);

    /// <summary>The security groups of the load balancers that forward to the group: where its health checks come from.</summary>
    public IReadOnlyList<string> SecurityGroupsInFrontOf(SimTargetGroup group) =>
        [.. LoadBalancerArnsOf(group).SelectMany(arn => _loadBalancers.TryGetValue(arn, out var lb) ? lb.SecurityGroups : []).Distinct(StringComparer.Ordinal)];

    /// <summary>A target group is attached to the load balancers whose listeners' rules forward to it (one at most: ALB quotas page).</summary>
    public IReadOnlyList<string> LoadBalancerArnsOf(SimTargetGroup group) =>
        [.. _rules.Values
            .Where(r => r.ForwardTargetGroupArns.Contains(group.Arn, StringComparer.Ordinal))
            .Select(r => _listeners[r.ListenerArn].LoadBalancerArn)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Since when a rule forwards to the group (the earliest such rule), or null when none does.</summary>
    public DateTimeOffset? AssociatedSince(SimTargetGroup group) =>
        _rules.Values
            .Where(r => r.ForwardTargetGroupArns.Contains(group.Arn, StringComparer.Ordinal))
            .Select(r => (DateTimeOffset?)r.ForwardingSince)
            .Min();

    /// <summary>
    /// Still forwarded to by a rule: <c>ResourceInUse</c> "Target group 'arn' is currently in use by a listener or a rule"
    /// (copilot-cli#2593). A missing group is not an error: DeleteTargetGroup models only ResourceInUse.
    /// </summary>
    public void DeleteTargetGroup(string arn)
    {
        if (!_targetGroups.TryGetValue(arn, out var group))
        {
            return;
        }

        if (LoadBalancerArnsOf(group).Count > 0)
        {
            throw AwsErrors.Create(Service, "DeleteTargetGroup", "ResourceInUse", $"Target group '{arn}' is currently in use by a listener or a rule");
        }

        _targetGroups.Remove(arn);
    }

    /// <summary>Priority taken on the listener: <c>PriorityInUse</c> "Priority 'n' is currently in use" (hashicorp/terraform#24239).</summary>
    public SimListenerRule CreateRule(string listenerArn, int priority, object conditions, object actions, IReadOnlyList<string> forwardTargetGroups,
        IEnumerable<KeyValuePair<string, string>>? tags)
    {
        const string Operation = "CreateRule";
        var listener = RequireListener(listenerArn, Operation);
        CheckPriorityRange(priority, Operation);
        if (_rules.Values.Any(r => r.ListenerArn == listenerArn && r.Priority == priority))
        {
            throw PriorityInUse(priority, Operation);
        }

        foreach (var arn in forwardTargetGroups)
        {
            RequireTargetGroup(arn, Operation);
        }

        var lb = listener.LoadBalancerArn;
        if (_rules.Values.Count(r => !r.IsDefault && _listeners[r.ListenerArn].LoadBalancerArn == lb) >= MaxRulesPerLoadBalancer)
        {
            throw AwsErrors.Create(Service, Operation, "TooManyRules", "You've reached the limit on the number of rules per load balancer");
        }

        var rule = context.Created(NewRule(listener, priority, conditions, actions, forwardTargetGroups));
        rule.MergeTags(tags);
        return rule;
    }

    public SimListenerRule RequireRule(string arn, string operation, bool read = false) =>
        _rules.TryGetValue(arn, out var rule) && rule.IsVisibleTo(read)
            ? rule
            : throw AwsErrors.Create(Service, operation, "RuleNotFound", "One or more rules not found");

    public SimListenerRule ModifyRule(string arn, object? conditions, object? actions, IReadOnlyList<string>? forwardTargetGroups)
    {
        var rule = RequireRule(arn, "ModifyRule");
        foreach (var tg in forwardTargetGroups ?? [])
        {
            RequireTargetGroup(tg, "ModifyRule");
        }

        if (forwardTargetGroups is not null && !forwardTargetGroups.SequenceEqual(rule.ForwardTargetGroupArns, StringComparer.Ordinal))
        {
            rule.ForwardingSince = context.Now;
        }

        rule.Conditions = conditions ?? rule.Conditions;
        rule.Actions = actions ?? rule.Actions;
        rule.ForwardTargetGroupArns = forwardTargetGroups ?? rule.ForwardTargetGroupArns;
        return rule;
    }

    /// <summary>All pairs apply or none: a priority held by a rule outside the request is <c>PriorityInUse</c>.</summary>
    public IReadOnlyList<SimListenerRule> SetRulePriorities(IReadOnlyList<(string RuleArn, int Priority)> pairs)
    {
        const string Operation = "SetRulePriorities";
        var rules = pairs.Select(p => (Rule: RequireRule(p.RuleArn, Operation), p.Priority)).ToList();
        if (rules.Any(r => r.Rule.IsDefault))
        {
            throw AwsErrors.Create(Service, Operation, "OperationNotPermitted", "Default rule priority cannot be modified");
        }

        var moving = rules.Select(r => r.Rule.Arn).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, priority) in rules)
        {
            CheckPriorityRange(priority, Operation);
            var clash = _rules.Values.Any(r => r.ListenerArn == rule.ListenerArn && r.Priority == priority && !moving.Contains(r.Arn))
                || rules.Count(o => o.Rule.ListenerArn == rule.ListenerArn && o.Priority == priority) > 1;
            if (clash)
            {
                throw PriorityInUse(priority, Operation);
            }
        }

        foreach (var (rule, priority) in rules)
        {
            rule.Priority = priority;
        }

        return [.. rules.Select(r => r.Rule)];
    }

    public void DeleteRule(string arn)
    {
        var rule = RequireRule(arn, "DeleteRule");
        if (rule.IsDefault)
        {
            throw AwsErrors.Create(Service, "DeleteRule", "OperationNotPermitted", "Default rules cannot be deleted");
        }

        _rules.Remove(arn);
    }

    /// <summary>By listener (default rule last, as ELBv2 lists by priority) or by rule ARNs.</summary>
    public IReadOnlyList<SimListenerRule> DescribeRules(string? listenerArn, IReadOnlyList<string>? ruleArns)
    {
        if (ruleArns is { Count: > 0 })
        {
            return [.. ruleArns.Select(a => RequireRule(a, "DescribeRules", read: true))];
        }

        RequireListener(listenerArn ?? string.Empty, "DescribeRules");
        return [.. _rules.Values
            .Where(r => r.ListenerArn == listenerArn && r.IsVisibleToRead())
            .OrderBy(r => r.Priority ?? int.MaxValue)];
    }

    /// <summary>AddTags/RemoveTags/DescribeTags take any ELBv2 ARN.</summary>
    public SimulatedResource RequireTaggable(string arn, string operation) =>
        _targetGroups.TryGetValue(arn, out var tg) ? tg
        : _rules.TryGetValue(arn, out var rule) ? rule
        : _loadBalancers.TryGetValue(arn, out var lb) ? lb
        : _listeners.TryGetValue(arn, out var listener) ? listener
        : arn.Contains(":targetgroup/", StringComparison.Ordinal) ? throw AwsErrors.Create(Service, operation, "TargetGroupNotFound", "One or more target groups not found")
        : arn.Contains(":listener-rule/", StringComparison.Ordinal) ? throw AwsErrors.Create(Service, operation, "RuleNotFound", "One or more rules not found")
        : throw AwsErrors.Create(Service, operation, "LoadBalancerNotFound", "One or more load balancers not found");

    private SimListenerRule NewRule(SimListener listener, int? priority, object conditions, object actions, IReadOnlyList<string> forward)
    {
        var rule = new SimListenerRule
        {
            Arn = listener.Arn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + context.Ids.Hex(16),
            ListenerArn = listener.Arn,
            Priority = priority,
            Conditions = conditions,
            Actions = actions,
            ForwardTargetGroupArns = forward,
            ForwardingSince = context.Now,
        };
        _rules[rule.Arn] = rule;
        return rule;
    }

    private static void CheckPriorityRange(int priority, string operation)
    {
        if (priority is < ElbLimits.MinRulePriority or > ElbLimits.MaxRulePriority)
        {
            throw AwsErrors.Create(Service, operation, "ValidationError",
                $"1 validation error detected: Value '{priority}' at 'priority' failed to satisfy constraint: Member must have value between {ElbLimits.MinRulePriority} and {ElbLimits.MaxRulePriority}");
        }
    }

    private static AwsServiceException PriorityInUse(int priority, string operation) =>
        AwsErrors.Create(Service, operation, "PriorityInUse", $"Priority '{priority}' is currently in use");
}
