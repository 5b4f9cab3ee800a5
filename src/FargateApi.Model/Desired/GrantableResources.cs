using System.Text.RegularExpressions;
using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>
/// The resources a stack may grant its tasks (Grants.DynamoDbTables, Grants.S3Buckets, Grants.SecretArns, Secrets), as the
/// platform team allows them per ProjectPrefix: name patterns with IAM's wildcards (<c>*</c>, <c>?</c>) in which
/// <see cref="PrefixPlaceholder"/> stands for the stack's own ProjectPrefix (template.yaml's GrantableResourcePatterns,
/// env <c>FARGATE_API_GRANTABLE_RESOURCES</c>). By default a stack may name only resources whose names start with its
/// prefix, so one team cannot give its tasks another team's tables, buckets, secrets or parameters. A pattern is matched
/// against the resource's name: the table, the bucket, the secret (with or without its random suffix) or the parameter
/// (without its leading '/').
/// </summary>
internal sealed record GrantableResources(ValueList<string> Patterns)
{
    public const string PrefixPlaceholder = "{ProjectPrefix}";

    public const string Variable = "FARGATE_API_GRANTABLE_RESOURCES";

    /// <summary>Names starting with the prefix and a separator: <c>myproj-orders</c>, <c>myproj/db-password</c> (not <c>myprojx-…</c>).</summary>
    public static GrantableResources Default { get; } = new(ValueList.Of($"{PrefixPlaceholder}-*", $"{PrefixPlaceholder}/*"));

    /// <summary>Comma-separated patterns; empty or unset: <see cref="Default"/>.</summary>
    public static GrantableResources Parse(string? text)
    {
        var patterns = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return patterns.Length == 0 ? Default : new GrantableResources(patterns.ToValueList());
    }

    /// <summary>One message per granted resource no pattern allows: the property, the value and the patterns for this prefix.</summary>
    public IReadOnlyList<string> Violations(ServiceProperties properties)
    {
        var allowed = Patterns.Select(pattern => pattern.Replace(PrefixPlaceholder, properties.ProjectPrefix, StringComparison.Ordinal)).ToList();
        var named = properties.Grants.DynamoDbTables.Select(table => ("Grants.DynamoDbTables", table, After(table, ":table/")))
            .Concat(properties.Grants.S3Buckets.Select(bucket => ("Grants.S3Buckets", bucket, After(bucket, ":::"))))
            .Concat(properties.Grants.SecretArns.Select(secret => ("Grants.SecretArns", secret, SecretName(secret))))
            .Concat(properties.Secrets.Select(secret => ($"Secrets.{secret.Key}", secret.Value, SecretName(secret.Value))));
        return [.. named
            .Where(item => !allowed.Any(pattern => Matches(pattern, item.Item3)))
            .Select(item => $"{item.Item1}: '{item.Item2}' is not a resource ProjectPrefix '{properties.ProjectPrefix}' may grant; " +
                $"this provider allows names matching {string.Join(", ", allowed)} (template parameter GrantableResourcePatterns).")];
    }

    /// <summary>The name of a Secrets Manager secret (<c>arn:…:secret:NAME[:json-key…]</c>) or SSM parameter (ARN or name).</summary>
    private static string SecretName(string valueFrom)
    {
        if (!valueFrom.StartsWith("arn:", StringComparison.Ordinal))
        {
            return valueFrom.TrimStart('/');
        }

        var parts = valueFrom.Split(':');
        return parts.Length >= 7 && parts[2] == "secretsmanager" ? parts[6] : After(valueFrom, ":parameter/");
    }

    /// <summary>The part of an ARN after <paramref name="marker"/>; a value that is not an ARN is a name already.</summary>
    private static string After(string value, string marker)
    {
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return value;
        }

        var at = value.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? value : value[(at + marker.Length)..];
    }

    /// <summary>IAM's string wildcards: <c>*</c> any run of characters, <c>?</c> one; case-sensitive, as resource names are.</summary>
    private static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
