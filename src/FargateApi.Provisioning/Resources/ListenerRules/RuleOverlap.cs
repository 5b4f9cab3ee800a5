using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Provisioning.Resources.ListenerRules;

/// <summary>
/// Whether two listener rules can match the same request. A rule matches when every one of its conditions does, and a
/// condition when any of its values does ("each rule condition … can have multiple values; the rule matches if any
/// value matches", ELBv2 rule-condition-types.html); a condition type one rule lacks does not narrow it. Path patterns are
/// case-sensitive, host headers are not, and both take the wildcards * (zero or more characters) and ? (exactly one).
/// </summary>
internal static class RuleOverlap
{
    /// <remarks>Conditions this provider never sets (methods, source IPs, headers, query strings) narrow another owner's
    /// rule in ways not worth modelling: they are taken as able to meet ours, so the check errs on the side of refusing.</remarks>
    public static bool Overlaps(IReadOnlyList<RuleCondition> a, IReadOnlyList<RuleCondition> b) =>
        Intersects(Values(a, ElbValues.FieldPathPattern), Values(b, ElbValues.FieldPathPattern), ignoreCase: false)
        && Intersects(Values(a, ElbValues.FieldHostHeader), Values(b, ElbValues.FieldHostHeader), ignoreCase: true);

    /// <summary>Whether some string matches both glob patterns (* and ?).</summary>
    public static bool PatternsMeet(string a, string b, bool ignoreCase)
    {
        if (ignoreCase)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
        }

        // reachable[i, j]: the first i characters of a and the first j of b can stand for the same string.
        var reachable = new bool[a.Length + 1, b.Length + 1];
        reachable[0, 0] = true;
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                if (!reachable[i, j])
                {
                    continue;
                }

                var x = i < a.Length ? a[i] : (char?)null;
                var y = j < b.Length ? b[j] : (char?)null;
                if (x == '*')
                {
                    reachable[i + 1, j] = true; // a's star stands for nothing more
                    if (y is not null && y != '*')
                    {
                        reachable[i, j + 1] = true; // a's star takes b's character
                    }
                }

                if (y == '*')
                {
                    reachable[i, j + 1] = true;
                    if (x is not null && x != '*')
                    {
                        reachable[i + 1, j] = true;
                    }
                }

                if (x is not null and not '*' && y is not null and not '*' && (x == y || x == '?' || y == '?'))
                {
                    reachable[i + 1, j + 1] = true;
                }
            }
        }

        return reachable[a.Length, b.Length];
    }

    /// <summary>No values: the rule has no such condition and matches any value of it.</summary>
    private static bool Intersects(IReadOnlyList<string> a, IReadOnlyList<string> b, bool ignoreCase) =>
        a.Count == 0 || b.Count == 0 || a.Any(x => b.Any(y => PatternsMeet(x, y, ignoreCase)));

    private static IReadOnlyList<string> Values(IReadOnlyList<RuleCondition> conditions, string field) =>
        [.. conditions.Where(condition => condition.Field == field).SelectMany(condition => condition.Values)];
}
