using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Ec2;

/// <summary>
/// VPCs, subnets, security groups and task ENIs. Error codes from
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html; the DependencyViolation text is what
/// DeleteSecurityGroup answers in the wild (hashicorp/terraform-provider-aws#1671: "resource sg-… has a dependent object").
/// </summary>
internal sealed class Ec2Store(SimulationContext context)
{
    private const string Service = SimServices.Ec2;
    private readonly Dictionary<string, SimVpc> _vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimSubnet> _subnets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimSecurityGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimNetworkInterface> _enis = new(StringComparer.Ordinal);

    public IEnumerable<SimVpc> Vpcs => _vpcs.Values;
    public IEnumerable<SimSubnet> Subnets => _subnets.Values;
    public IEnumerable<SimSecurityGroup> SecurityGroups => _groups.Values;
    public IEnumerable<SimNetworkInterface> NetworkInterfaces => _enis.Values;

    public SimVpc AddVpc(string cidr, bool seeded)
    {
        var vpc = new SimVpc { VpcId = context.Ids.Ec2("vpc"), CidrBlock = cidr, Seeded = seeded };
        _vpcs[vpc.VpcId] = vpc;
        return vpc;
    }

    public SimSubnet AddSubnet(string vpcId, string availabilityZone, string cidr, bool seeded)
    {
        var subnet = new SimSubnet { SubnetId = context.Ids.Ec2("subnet"), VpcId = vpcId, AvailabilityZone = availabilityZone, CidrBlock = cidr, Seeded = seeded };
        _subnets[subnet.SubnetId] = subnet;
        return subnet;
    }

    /// <summary>
    /// Group names are unique per VPC: <c>InvalidGroup.Duplicate</c> "The security group 'x' already exists for VPC 'vpc-…'".
    /// A name may not start with <c>sg-</c> (ec2 CreateSecurityGroup GroupName: "Can't start with sg-"): AWS answers
    /// <c>InvalidParameterValue</c> "Value (sg-86c8964) for parameter GroupName is invalid. Group names may not be in the
    /// format sg-*." (pulumi/pulumi-awsx#328, rancher/dashboard#3315).
    /// </summary>
    public SimSecurityGroup CreateSecurityGroup(string name, string description, string vpcId, IEnumerable<KeyValuePair<string, string>>? tags, bool seeded = false)
    {
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
        {
            throw AwsErrors.Create(Service, "CreateSecurityGroup", "InvalidParameterValue",
                $"Value ({name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.");
        }

        if (!_vpcs.ContainsKey(vpcId))
        {
            throw AwsErrors.Create(Service, "CreateSecurityGroup", "InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        }

        if (_groups.Values.Any(g => g.VpcId == vpcId && string.Equals(g.GroupName, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw AwsErrors.Create(Service, "CreateSecurityGroup", "InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
        }

        var id = context.Ids.Ec2("sg");
        var group = context.Created(new SimSecurityGroup
        {
            GroupId = id,
            GroupName = name,
            Description = description,
            VpcId = vpcId,
            Arn = context.Arn("ec2", $"security-group/{id}"),
            Seeded = seeded,
        });
        group.Rules.Add(new SimRule(context.Ids.Ec2("sgr"), IsEgress: true, SimPermission.AllEgress));
        group.MergeTags(tags);
        _groups[id] = group;
        return group;
    }

    /// <summary>Missing: <c>InvalidGroup.NotFound</c>; still used by an ENI or another group's rule: <c>DependencyViolation</c>.</summary>
    public void DeleteSecurityGroup(string groupId)
    {
        TickLingeringEnis();
        var group = RequireGroup(groupId, "DeleteSecurityGroup");
        var heldByEni = _enis.Values.Any(e => e.GroupIds.Contains(groupId, StringComparer.Ordinal));
        var referenced = _groups.Values.Any(g => g.GroupId != groupId && g.Rules.Any(r => r.Permission.GroupId == groupId));
        if (heldByEni || referenced)
        {
            throw AwsErrors.Create(Service, "DeleteSecurityGroup", "DependencyViolation", $"resource {groupId} has a dependent object");
        }

        _groups.Remove(group.GroupId);
    }

    public IReadOnlyList<SimSecurityGroup> DescribeSecurityGroups(IReadOnlyList<string>? groupIds, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        TickLingeringEnis();
        IEnumerable<SimSecurityGroup> candidates = _groups.Values;
        if (groupIds is { Count: > 0 })
        {
            // By id, a group that has not propagated yet is InvalidGroup.NotFound: EC2's classic eventual-consistency error
            // (https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html).
            candidates = groupIds.Select(id => RequireGroup(id, "DescribeSecurityGroups") is { } g && g.IsVisibleToRead()
                ? g
                : throw NotFound(id, "DescribeSecurityGroups")).ToList();
        }

        return [.. candidates
            .Where(g => Ec2Filters.Match(filters, name => name switch
            {
                "group-id" => [g.GroupId],
                "group-name" => [g.GroupName],
                "vpc-id" => [g.VpcId],
                "description" => [g.Description],
                _ => Ec2Filters.Tags(g.Tags, name),
            }))
            .Where(g => groupIds is { Count: > 0 } || g.IsVisibleToRead())];
    }

    /// <summary>A rule that already exists: <c>InvalidPermission.Duplicate</c>.</summary>
    public IReadOnlyList<SimRule> Authorize(string groupId, bool egress, IReadOnlyList<SimPermission> permissions)
    {
        var operation = egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress";
        var group = RequireGroup(groupId, operation);
        foreach (var permission in permissions)
        {
            if (permission.GroupId is { } source && !_groups.ContainsKey(source))
            {
                throw NotFound(source, operation);
            }

            if (group.Rules.Any(r => r.IsEgress == egress && r.Permission.SameRuleAs(permission)))
            {
                throw AwsErrors.Create(Service, operation, "InvalidPermission.Duplicate",
                    $"the specified rule \"peer: {permission.GroupId ?? permission.CidrIpv4}, {permission.Protocol.ToUpperInvariant()}, from port: {permission.FromPort}, to port: {permission.ToPort}, ALLOW\" already exists");
            }
        }

        var added = permissions.Select(p => new SimRule(context.Ids.Ec2("sgr"), egress, p)).ToList();
        group.Rules.AddRange(added);
        return added;
    }

    /// <summary>
    /// Whether <paramref name="targetGroups"/> let a load balancer in <paramref name="sourceGroups"/> reach a target on TCP
    /// <paramref name="port"/>, for traffic and health checks alike ("You must ensure that your load balancer can communicate
    /// with registered targets on both the listener port and the health check port … setting the load balancer's security group
    /// as the source in the ingress rule of the target's security group", ELB User Guide, "Security groups for your Application
    /// Load Balancer"). A rule from one of the source groups, or any CIDR rule, covering the port admits it; the simulation
    /// does not place load balancer nodes in CIDRs. Groups the simulation does not hold, or a load balancer without security
    /// groups, are not judged. Judged when a target registers, not again when a rule changes later (ELB would).
    /// </summary>
    public bool Admits(IReadOnlyList<string> targetGroups, IReadOnlyList<string> sourceGroups, int port)
    {
        var groups = targetGroups.Select(id => _groups.GetValueOrDefault(id)).ToList();
        if (sourceGroups.Count == 0 || groups.Count == 0 || groups.Any(group => group is null))
        {
            return true;
        }

        return groups.Any(group => group!.Rules.Any(rule => !rule.IsEgress && Covers(rule.Permission, port)
            && (rule.Permission.CidrIpv4 is not null || sourceGroups.Contains(rule.Permission.GroupId ?? string.Empty, StringComparer.Ordinal))));
    }

    private static bool Covers(SimPermission permission, int port) =>
        permission.Protocol == "-1"
        || (string.Equals(permission.Protocol, "tcp", StringComparison.OrdinalIgnoreCase) && permission.FromPort <= port && port <= permission.ToPort);

    /// <summary>A rule that does not exist: <c>InvalidPermission.NotFound</c>.</summary>
    public void Revoke(string groupId, bool egress, IReadOnlyList<SimPermission> permissions)
    {
        var operation = egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress";
        var group = RequireGroup(groupId, operation);
        foreach (var permission in permissions)
        {
            var rule = group.Rules.FirstOrDefault(r => r.IsEgress == egress && r.Permission.SameRuleAs(permission))
                ?? throw AwsErrors.Create(Service, operation, "InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
            group.Rules.Remove(rule);
        }
    }

    public SimulatedResource RequireTaggable(string resourceId, string operation) =>
        _groups.TryGetValue(resourceId, out var g) ? g
        : _enis.TryGetValue(resourceId, out var e) ? e
        : _vpcs.TryGetValue(resourceId, out var v) ? v
        : _subnets.TryGetValue(resourceId, out var s) ? s
        : throw AwsErrors.Create(Service, operation, "InvalidID", $"The ID '{resourceId}' is not valid");

    public SimSecurityGroup RequireGroup(string groupId, string operation) =>
        _groups.TryGetValue(groupId, out var group) ? group : throw NotFound(groupId, operation);

    public SimSubnet RequireSubnet(string subnetId, string operation) =>
        _subnets.TryGetValue(subnetId, out var subnet)
            ? subnet
            : throw AwsErrors.Create(Service, operation, "InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");

    public IReadOnlyList<SimNetworkInterface> DescribeNetworkInterfaces(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        TickLingeringEnis();
        return [.. _enis.Values.Where(e => Ec2Filters.Match(filters, name => name switch
        {
            "group-id" => e.GroupIds,
            "network-interface-id" => [e.NetworkInterfaceId],
            "subnet-id" => [e.SubnetId],
            "vpc-id" => [e.VpcId],
            "status" => [e.Status],
            "description" => [e.Description],
            _ => Ec2Filters.Tags(e.Tags, name),
        }))];
    }

    public IReadOnlyList<SimVpc> DescribeVpcs(IReadOnlyList<string>? ids) =>
        [.. _vpcs.Values.Where(v => ids is not { Count: > 0 } || ids.Contains(v.VpcId, StringComparer.Ordinal))];

    public IReadOnlyList<SimSubnet> DescribeSubnets(IReadOnlyList<string>? ids, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters) =>
        [.. _subnets.Values
            .Where(s => ids is not { Count: > 0 } || ids.Contains(s.SubnetId, StringComparer.Ordinal))
            .Where(s => Ec2Filters.Match(filters, name => name switch
            {
                "vpc-id" => [s.VpcId],
                "subnet-id" => [s.SubnetId],
                "availability-zone" => [s.AvailabilityZone],
                _ => Ec2Filters.Tags(s.Tags, name),
            }))];

    /// <summary>ECS attaches one ENI per awsvpc task, in one of the service's subnets, holding the service's groups.</summary>
    public SimNetworkInterface AttachTaskEni(string subnetId, IReadOnlyList<string> groupIds, string taskArn)
    {
        var subnet = _subnets.TryGetValue(subnetId, out var s) ? s : null;
        var id = context.Ids.Ec2("eni");
        var eni = new SimNetworkInterface
        {
            NetworkInterfaceId = id,
            SubnetId = subnetId,
            VpcId = subnet?.VpcId ?? "vpc-unknown",
            GroupIds = [.. groupIds],
            Description = context.Arn("ecs", $"attachment/{context.Ids.Hex(32)}"),
            PrivateIpAddress = $"10.0.{_enis.Count / 250}.{(_enis.Count % 250) + 4}",
            TaskArn = taskArn,
        };
        _enis[id] = eni;
        return eni;
    }

    /// <summary>
    /// The task stopped; its ENI keeps its groups for a while: <see cref="SimulationOptions.EniLingerPolls"/> EC2 calls or
    /// <see cref="SimulationOptions.EniLingerTime"/> (up to <see cref="SimulationOptions.EniLingerTimeMax"/>) after
    /// <paramref name="at"/>, whichever comes first.
    /// </summary>
    public void ReleaseTaskEni(string eniId, DateTimeOffset at)
    {
        if (!_enis.TryGetValue(eniId, out var eni) || eni.ReleasedAt is not null)
        {
            return;
        }

        var options = context.Options;
        eni.ReleasedAt = at;
        eni.LingerPollsLeft = options.EniLingerPolls;
        eni.GoneAt = options.EniLingerTime is { } linger ? at + LingerOf(linger, options.EniLingerTimeMax) : null;
        if (eni.LingerPollsLeft <= 0 || (eni.LingerPollsLeft is null && eni.GoneAt is null) || (eni.GoneAt is { } gone && context.Now >= gone))
        {
            _enis.Remove(eniId);
        }
    }

    /// <summary>One EC2 poll passes for every lingering ENI; those whose polls or time are up disappear.</summary>
    public void TickLingeringEnis()
    {
        foreach (var eni in _enis.Values.Where(e => e.ReleasedAt is not null).ToList())
        {
            eni.LingerPollsLeft--;
            if (eni.LingerPollsLeft <= 0 || (eni.GoneAt is { } gone && context.Now >= gone))
            {
                _enis.Remove(eni.NetworkInterfaceId);
            }
        }
    }

    /// <summary>Lingering ENIs whose time is up are gone, whoever asks (their polls count only on EC2 calls).</summary>
    public void SweepExpiredEnis()
    {
        foreach (var eni in _enis.Values.Where(e => e.GoneAt is { } gone && context.Now >= gone).ToList())
        {
            _enis.Remove(eni.NetworkInterfaceId);
        }
    }

    /// <summary>The fixed linger, or one drawn evenly up to the maximum.</summary>
    private TimeSpan LingerOf(TimeSpan linger, TimeSpan? max) =>
        max is { } upTo && upTo > linger ? linger + ((upTo - linger) * context.Random.NextDouble()) : linger;

    private static AwsServiceException NotFound(string groupId, string operation) =>
        AwsErrors.Create(Service, operation, "InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");
}
