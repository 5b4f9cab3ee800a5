using System.Globalization;
using R = FargateApi.Properties.JsonValueReader;

namespace FargateApi.Properties;

/// <summary>Reads the nested objects. Each returns null when any member is invalid (its problems are then recorded).</summary>
internal static class SectionReaders
{
    private static readonly string[] HealthCheckKinds = ["CMD", "CMD-SHELL"];

    public static ContainerHealthCheck? HealthCheck(ObjectSection section, int? containerPort)
    {
        var command = R.List(section, PropertyCatalog.HealthCheckMembers.Command);
        if (command is { Count: > 0 } && !HealthCheckKinds.Contains(command[0], StringComparer.Ordinal))
        {
            section.Problems.Add(section.PathOf(PropertyCatalog.HealthCheckMembers.Command) + "[0]",
                $"{ValueText.Quote(command[0])} is not allowed; the command starts with CMD or CMD-SHELL");
            command = null;
        }
        else if (command is null && section.Get(PropertyCatalog.HealthCheckMembers.Command) is null)
        {
            // The seed's check, on whatever port the container listens.
            command = ["CMD-SHELL", string.Create(CultureInfo.InvariantCulture, $"curl -f http://localhost:{containerPort ?? 8000}/health || exit 1")];
        }

        var interval = R.Integer(section, PropertyCatalog.HealthCheckMembers.IntervalSeconds);
        var timeout = R.Integer(section, PropertyCatalog.HealthCheckMembers.TimeoutSeconds);
        var retries = R.Integer(section, PropertyCatalog.HealthCheckMembers.Retries);
        var startPeriod = R.Integer(section, PropertyCatalog.HealthCheckMembers.StartPeriodSeconds);
        return command is null || interval is null || timeout is null || retries is null || startPeriod is null
            ? null
            : new ContainerHealthCheck(command, interval.Value, timeout.Value, retries.Value, startPeriod.Value);
    }

    public static NetworkProperties? Network(ObjectSection section, string? projectPrefix)
    {
        var members = PropertyCatalog.NetworkMembers.ParameterPrefix;
        var prefix = R.String(section, members) ?? (section.Get(members) is null ? "/" + (projectPrefix ?? "project") + "/network" : null);
        var vpcId = R.String(section, PropertyCatalog.NetworkMembers.VpcId);
        var subnets = R.List(section, PropertyCatalog.NetworkMembers.SubnetIds);
        var cluster = R.String(section, PropertyCatalog.NetworkMembers.ClusterName);
        var listener = R.String(section, PropertyCatalog.NetworkMembers.ListenerArn);
        var securityGroup = R.String(section, PropertyCatalog.NetworkMembers.LoadBalancerSecurityGroupId);
        var invalid = prefix is null
            || Invalid(section, PropertyCatalog.NetworkMembers.VpcId, vpcId)
            || Invalid(section, PropertyCatalog.NetworkMembers.SubnetIds, subnets)
            || Invalid(section, PropertyCatalog.NetworkMembers.ClusterName, cluster)
            || Invalid(section, PropertyCatalog.NetworkMembers.ListenerArn, listener)
            || Invalid(section, PropertyCatalog.NetworkMembers.LoadBalancerSecurityGroupId, securityGroup);
        return invalid ? null : new NetworkProperties(prefix!, vpcId, subnets, cluster, listener, securityGroup);
    }

    public static DeploymentProperties? Deployment(ObjectSection section)
    {
        var minimum = R.Integer(section, PropertyCatalog.DeploymentMembers.MinimumHealthyPercent);
        var maximum = R.Integer(section, PropertyCatalog.DeploymentMembers.MaximumPercent);
        var rollback = R.Boolean(section, PropertyCatalog.DeploymentMembers.CircuitBreakerRollback);
        var grace = R.Integer(section, PropertyCatalog.DeploymentMembers.HealthCheckGracePeriodSeconds);
        if (minimum is not null && maximum is not null && maximum <= minimum)
        {
            section.Problems.Add(section.PathOf(PropertyCatalog.DeploymentMembers.MaximumPercent), string.Create(CultureInfo.InvariantCulture,
                $"{maximum} must be above MinimumHealthyPercent {minimum}, or a rolling deployment can neither start a new task nor stop an old one"));
            return null;
        }

        return minimum is null || maximum is null || rollback is null || grace is null
            ? null
            : new DeploymentProperties(minimum.Value, maximum.Value, rollback.Value, grace.Value);
    }

    public static TargetHealthCheck? TargetHealthCheck(ObjectSection section)
    {
        var path = R.String(section, PropertyCatalog.TargetHealthCheckMembers.Path);
        var interval = R.Integer(section, PropertyCatalog.TargetHealthCheckMembers.IntervalSeconds);
        var timeout = R.Integer(section, PropertyCatalog.TargetHealthCheckMembers.TimeoutSeconds);
        var healthy = R.Integer(section, PropertyCatalog.TargetHealthCheckMembers.HealthyThresholdCount);
        var unhealthy = R.Integer(section, PropertyCatalog.TargetHealthCheckMembers.UnhealthyThresholdCount);
        var codes = R.String(section, PropertyCatalog.TargetHealthCheckMembers.HealthyHttpCodes);
        if (timeout is not null && interval is not null && timeout >= interval)
        {
            // ELBv2 CreateTargetGroup rejects a health check timeout that is not smaller than the interval.
            section.Problems.Add(section.PathOf(PropertyCatalog.TargetHealthCheckMembers.TimeoutSeconds), string.Create(CultureInfo.InvariantCulture,
                $"{timeout} must be less than IntervalSeconds {interval}"));
            timeout = null;
        }

        if (codes is not null && HttpCodeOutOfRange(codes) is { } wrong)
        {
            section.Problems.Add(section.PathOf(PropertyCatalog.TargetHealthCheckMembers.HealthyHttpCodes),
                $"{ValueText.Quote(codes)} has {ValueText.Quote(wrong)}; codes must be {PropertyLimits.MinHealthyHttpCode}-{PropertyLimits.MaxHealthyHttpCode} and ranges low-high");
            codes = null;
        }

        return path is null || interval is null || timeout is null || healthy is null || unhealthy is null || codes is null
            ? null
            : new TargetHealthCheck(path, interval.Value, timeout.Value, healthy.Value, unhealthy.Value, codes);
    }

    /// <summary>Absent: null, no scaling. Present (even {}): every member defaulted, capacities from DesiredCount.</summary>
    public static AutoScalingProperties? AutoScaling(ObjectSection section, int? desiredCount, out bool invalid)
    {
        invalid = false;
        if (!section.IsPresent)
        {
            return null;
        }

        var m = (Min: PropertyCatalog.AutoScalingMembers.MinCapacity, Max: PropertyCatalog.AutoScalingMembers.MaxCapacity);
        var desired = desiredCount ?? 1;
        var minimum = R.Integer(section, m.Min) ?? (section.Get(m.Min) is null ? desired : null);
        var maximum = R.Integer(section, m.Max) ?? (section.Get(m.Max) is null ? (int)Math.Min(int.MaxValue, Math.Max(1L, desired * 4L)) : null);
        var cpu = R.Integer(section, PropertyCatalog.AutoScalingMembers.CpuTargetPercent);
        var memory = R.Integer(section, PropertyCatalog.AutoScalingMembers.MemoryTargetPercent);
        var requests = R.Integer(section, PropertyCatalog.AutoScalingMembers.RequestsPerTarget);
        var scaleIn = R.Integer(section, PropertyCatalog.AutoScalingMembers.ScaleInCooldownSeconds);
        var scaleOut = R.Integer(section, PropertyCatalog.AutoScalingMembers.ScaleOutCooldownSeconds);
        var rule = desiredCount is null
            ? "MinCapacity ≤ DesiredCount ≤ MaxCapacity"
            : string.Create(CultureInfo.InvariantCulture, $"MinCapacity ≤ DesiredCount ({desired}) ≤ MaxCapacity");

        // Both given and crossed: said once, on its own terms, and whatever DesiredCount is (even when DesiredCount itself
        // is invalid, so that this comes with the other problems, not after they are fixed). A defaulted capacity never
        // crosses the other without also crossing DesiredCount, which is reported below.
        if (section.Get(m.Min) is not null && section.Get(m.Max) is not null && minimum > maximum)
        {
            section.Problems.Add(section.PathOf(m.Min), string.Create(CultureInfo.InvariantCulture, $"{minimum} is above MaxCapacity {maximum}; {rule}"));
            minimum = null;
        }

        if (desiredCount is not null && minimum > desired)
        {
            section.Problems.Add(section.PathOf(m.Min), string.Create(CultureInfo.InvariantCulture, $"{minimum} is above DesiredCount {desired}; {rule}"));
            minimum = null;
        }

        if (desiredCount is not null && maximum < desired)
        {
            section.Problems.Add(section.PathOf(m.Max), string.Create(CultureInfo.InvariantCulture, $"{maximum} is below DesiredCount {desired}; {rule}"));
            maximum = null;
        }

        if (minimum is null || maximum is null || cpu is null || memory is null || requests is null || scaleIn is null || scaleOut is null)
        {
            invalid = true;
            return null;
        }

        return new AutoScalingProperties(minimum.Value, maximum.Value, cpu.Value, memory.Value, requests.Value, scaleIn.Value, scaleOut.Value);
    }

    public static Grants? Grants(ObjectSection section)
    {
        var tables = R.List(section, PropertyCatalog.GrantsMembers.DynamoDbTables);
        var buckets = R.List(section, PropertyCatalog.GrantsMembers.S3Buckets);
        var secrets = R.List(section, PropertyCatalog.GrantsMembers.SecretArns);
        return tables is null || buckets is null || secrets is null ? null : new Grants(tables, buckets, secrets);
    }

    /// <summary>An optional member without default is invalid when it was given but did not read.</summary>
    private static bool Invalid(ObjectSection section, PropertyDefinition member, object? value) => value is null && section.Get(member) is not null;

    /// <summary>The first code or range outside 200–499 or reversed, else null (the pattern already checked the shape).</summary>
    private static string? HttpCodeOutOfRange(string codes)
    {
        foreach (var part in codes.Split(','))
        {
            var bounds = part.Split('-');
            var low = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var high = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : low;
            if (low < PropertyLimits.MinHealthyHttpCode || high > PropertyLimits.MaxHealthyHttpCode || high < low)
            {
                return part;
            }
        }

        return null;
    }
}
