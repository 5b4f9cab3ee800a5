using System.Text;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// IAM policy variables, as the IAM User Guide ("IAM policy elements: Variables and tags") defines them:
/// <list type="bullet">
/// <item><c>${key}</c> is replaced by the request context's value of that key; "You can use any single-valued condition key
/// as a variable. You can't use a multivalued condition key as a variable";</item>
/// <item>they may stand in the Resource element, "only in the resource portion of the ARN", after its fifth colon, and in
/// the values of String and ARN condition operators ("You can't use a policy variable with other operators, such as
/// Numeric, Date, Boolean, Binary, IP Address, or Null"); not in Action;</item>
/// <item>"Policy variables with no value": a condition value with a key absent from the request context matches nothing
/// (so a negated operator holds); <see cref="Resolve"/> answers null for it, and <see cref="IamStatement"/> decides what
/// that means in Resource and NotResource;</item>
/// <item><c>${key, 'default'}</c> gives the value to use when the key has none ("Specifying default values");</item>
/// <item><c>${*}</c>, <c>${?}</c> and <c>${$}</c> are a literal <c>*</c>, <c>?</c> and <c>$</c> ("Special characters").</item>
/// </list>
/// What a variable puts in is matched as itself: a <c>*</c> in a tag value is no wildcard (as @cloud-copilot/iam-simulate
/// also reads it; the guide does not say). The simulation's request contexts carry tag keys only, so only
/// <c>aws:PrincipalTag/…</c>, <c>aws:RequestTag/…</c> and <c>aws:ResourceTag/…</c> are resolved; a policy naming any other
/// variable (<c>${aws:username}</c>) is refused when it is read rather than silently matching nothing.
/// </summary>
internal static class PolicyVariables
{
    private static readonly string[] ResolvedKeyPrefixes = ["aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/"];

    /// <summary>A policy string with its variables replaced; <see cref="Literal"/> marks what a variable or escape put in
    /// (null when nothing was), which matches as itself even when it is <c>*</c> or <c>?</c>.</summary>
    public readonly record struct Resolved(string Text, bool[]? Literal)
    {
        public bool Matches(string value, StringComparison comparison) => WildcardPattern.Matches(Text, Literal, value, comparison);

        /// <summary>The six colon-separated components an ARN operator compares one by one (fewer when there are fewer).</summary>
        public IReadOnlyList<Resolved> ArnComponents()
        {
            var components = new List<Resolved>(6);
            var start = 0;
            for (var at = 0; at < Text.Length && components.Count < 5; at++)
            {
                if (Text[at] == ':')
                {
                    components.Add(Slice(start, at));
                    start = at + 1;
                }
            }

            components.Add(Slice(start, Text.Length));
            return components;
        }

        private Resolved Slice(int start, int end) => new(Text[start..end], Literal?[start..end]);
    }

    public static bool Uses(string text) => text.Contains("${", StringComparison.Ordinal);

    /// <summary>A string without variables, as a pattern.</summary>
    public static Resolved Plain(string text) => new(text, null);

    /// <summary>Refuses what IAM would not accept or the evaluator cannot resolve, naming where it is.</summary>
    /// <exception cref="FormatException">An unterminated <c>${</c>, a malformed default, or a variable outside the tag keys.</exception>
    public static void Validate(string text, string where)
    {
        foreach (var (_, inner) in Variables(text, where))
        {
            if (inner is "*" or "?" or "$")
            {
                continue;
            }

            var (name, _) = NameAndDefault(inner, where);
            if (!ResolvedKeyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length))
            {
                throw new FormatException(
                    $"{where} uses the policy variable ${{{inner}}}, which the simulated evaluator does not resolve: its request contexts carry " +
                    $"only {string.Join(", ", ResolvedKeyPrefixes.Select(prefix => $"${{{prefix}…}}"))} (and ${{*}}, ${{?}}, ${{$}}).");
            }
        }
    }

    /// <summary>Refuses a variable in a Resource entry before the resource portion of the ARN (its fifth colon).</summary>
    /// <exception cref="FormatException">The variable stands in the partition, service, region or account.</exception>
    public static void ValidateResource(string resource, string where)
    {
        var at = resource.IndexOf("${", StringComparison.Ordinal);
        if (at >= 0 && resource[..at].Count(character => character == ':') < 5)
        {
            throw new FormatException($"{where}: '{resource}' has a policy variable before the resource portion of the ARN; IAM allows one only after the fifth colon.");
        }

        Validate(resource, where);
    }

    /// <summary>The string with each variable replaced by the request's value; null when one has no value and no default.</summary>
    public static Resolved? Resolve(string text, AccessRequest request)
    {
        if (!Uses(text))
        {
            return Plain(text);
        }

        var builder = new StringBuilder(text.Length);
        var literal = new List<bool>(text.Length);
        void Append(string part, bool asItself)
        {
            builder.Append(part);
            literal.AddRange(Enumerable.Repeat(asItself, part.Length));
        }

        var copied = 0;
        foreach (var (at, inner) in Variables(text, "a policy"))
        {
            Append(text[copied..at], asItself: false);
            copied = at + inner.Length + 3;
            if (inner is "*" or "?" or "$")
            {
                Append(inner, asItself: true);
                continue;
            }

            var (name, fallback) = NameAndDefault(inner, "a policy");
            var values = request.ValuesOf(name);
            var value = values is [var single] ? single : fallback;
            if (value is null)
            {
                return null;
            }

            Append(value, asItself: true);
        }

        Append(text[copied..], asItself: false);
        return new Resolved(builder.ToString(), [.. literal]);
    }

    /// <summary>Each <c>${…}</c>: where it starts and what is between the braces.</summary>
    private static IEnumerable<(int At, string Inner)> Variables(string text, string where)
    {
        var at = text.IndexOf("${", StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0)
            {
                throw new FormatException($"{where}: '{text}' opens a policy variable (${{) that is never closed.");
            }

            yield return (at, text[(at + 2)..end]);
            at = text.IndexOf("${", end + 1, StringComparison.Ordinal);
        }
    }

    /// <summary><c>key</c> or <c>key, 'default'</c>.</summary>
    private static (string Name, string? Default) NameAndDefault(string inner, string where)
    {
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return (inner.Trim(), null);
        }

        var fallback = inner[(comma + 1)..].Trim();
        return fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\''
            ? (inner[..comma].Trim(), fallback[1..^1])
            : throw new FormatException($"{where}: the policy variable ${{{inner}}} gives a default that is not in single quotes.");
    }
}
