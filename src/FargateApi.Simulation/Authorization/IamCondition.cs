using System.Globalization;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// One condition of a statement: an operator, a key, the policy's values. Semantics from the IAM User Guide,
/// "IAM JSON policy elements: Condition operators" and "Conditions with multiple context keys or values":
/// <list type="bullet">
/// <item>several policy values for one key are ORed; a negated operator (StringNotEquals, ArnNotLike …) NORs them;</item>
/// <item>a key missing from the request context makes the condition false, or true for a negated operator, except for
/// <c>…IfExists</c> (true when missing) and <c>Null</c> (tests the absence itself);</item>
/// <item><c>ForAllValues:</c> is true when every request value matches (and when the key is missing);
/// <c>ForAnyValue:</c> when at least one does (false when missing).</item>
/// </list>
/// ArnEquals and ArnLike both take wildcards ("ARN condition operators"). Date, IP address and binary operators are not
/// needed by any policy we simulate and are refused when the policy is read. String and ARN values may hold policy
/// variables, resolved from the request (<see cref="PolicyVariables"/>); other operators may not ("Where you can use policy
/// variables").
/// </summary>
public sealed class IamCondition
{
    private readonly ConditionKind _kind;
    private readonly bool _negated;
    private readonly bool _ifExists;
    private readonly SetQualifier _qualifier;

    internal IamCondition(string @operator, string key, IReadOnlyList<string> values, string where = "a condition")
    {
        Operator = @operator;
        Key = key;
        Values = values;
        var name = @operator;
        if (name.StartsWith(ForAllValuesPrefix, StringComparison.Ordinal))
        {
            _qualifier = SetQualifier.ForAllValues;
            name = name[ForAllValuesPrefix.Length..];
        }
        else if (name.StartsWith(ForAnyValuePrefix, StringComparison.Ordinal))
        {
            _qualifier = SetQualifier.ForAnyValue;
            name = name[ForAnyValuePrefix.Length..];
        }

        if (name.EndsWith(IfExistsSuffix, StringComparison.Ordinal) && name != "Null")
        {
            _ifExists = true;
            name = name[..^IfExistsSuffix.Length];
        }

        (_kind, _negated) = name switch
        {
            "StringEquals" => (ConditionKind.StringEquals, false),
            "StringNotEquals" => (ConditionKind.StringEquals, true),
            "StringEqualsIgnoreCase" => (ConditionKind.StringEqualsIgnoreCase, false),
            "StringNotEqualsIgnoreCase" => (ConditionKind.StringEqualsIgnoreCase, true),
            "StringLike" => (ConditionKind.StringLike, false),
            "StringNotLike" => (ConditionKind.StringLike, true),
            "ArnEquals" or "ArnLike" => (ConditionKind.ArnLike, false),
            "ArnNotEquals" or "ArnNotLike" => (ConditionKind.ArnLike, true),
            "NumericEquals" => (ConditionKind.NumericEquals, false),
            "NumericNotEquals" => (ConditionKind.NumericEquals, true),
            "NumericLessThan" => (ConditionKind.NumericLessThan, false),
            "NumericLessThanEquals" => (ConditionKind.NumericLessThanEquals, false),
            "NumericGreaterThan" => (ConditionKind.NumericGreaterThan, false),
            "NumericGreaterThanEquals" => (ConditionKind.NumericGreaterThanEquals, false),
            "Bool" => (ConditionKind.Bool, false),
            "Null" => (ConditionKind.Null, false),
            _ => throw new FormatException(
                $"Condition operator '{@operator}' is not supported by the simulated IAM evaluator (String*, Arn*, Numeric*, Bool, Null, with IfExists and ForAllValues:/ForAnyValue:)."),
        };
        if (_kind == ConditionKind.Null && (_qualifier != SetQualifier.None || _ifExists))
        {
            throw new FormatException($"Condition operator '{@operator}': Null takes neither a set qualifier nor IfExists.");
        }

        _usesVariables = values.Any(PolicyVariables.Uses);
        if (_usesVariables && _kind is not (ConditionKind.StringEquals or ConditionKind.StringEqualsIgnoreCase or ConditionKind.StringLike or ConditionKind.ArnLike))
        {
            throw new FormatException($"{where}: condition operator '{@operator}' cannot take a policy variable; IAM allows them with String and ARN operators only.");
        }

        foreach (var value in values)
        {
            PolicyVariables.Validate(value, where);
        }

        _plain = [.. values.Select(value => (PolicyVariables.Resolved?)PolicyVariables.Plain(value))];
    }

    private readonly bool _usesVariables;

    /// <summary>The values as patterns when none holds a variable (resolved once, not per request).</summary>
    private readonly IReadOnlyList<PolicyVariables.Resolved?> _plain;

    private const string ForAllValuesPrefix = "ForAllValues:";
    private const string ForAnyValuePrefix = "ForAnyValue:";
    private const string IfExistsSuffix = "IfExists";

    private enum SetQualifier
    {
        None,
        ForAllValues,
        ForAnyValue,
    }

    private enum ConditionKind
    {
        StringEquals,
        StringEqualsIgnoreCase,
        StringLike,
        ArnLike,
        NumericEquals,
        NumericLessThan,
        NumericLessThanEquals,
        NumericGreaterThan,
        NumericGreaterThanEquals,
        Bool,
        Null,
    }

    /// <summary>As written in the policy, e.g. <c>ForAllValues:StringLike</c>.</summary>
    public string Operator { get; }

    public string Key { get; }

    public IReadOnlyList<string> Values { get; }

    public bool IsSatisfiedBy(AccessRequest request)
    {
        var present = request.ValuesOf(Key);
        if (_kind == ConditionKind.Null)
        {
            var absent = present is null || present.Count == 0;
            return Values.Any(value => bool.TryParse(value, out var wanted) && wanted == absent);
        }

        if (present is null || present.Count == 0)
        {
            return _qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => _ifExists || _negated,
            };
        }

        IReadOnlyList<PolicyVariables.Resolved?> policyValues = _usesVariables ? [.. Values.Select(value => PolicyVariables.Resolve(value, request))] : _plain;

        bool Single(string value) => SingleMatches(policyValues, value);
        return _qualifier switch
        {
            SetQualifier.ForAllValues => present.All(Single),
            SetQualifier.ForAnyValue => present.Any(Single),

            // A plain operator on a multivalued key: a positive operator needs one request value to match, a negated one
            // needs none to.
            _ => _negated ? present.All(Single) : present.Any(Single),
        };
    }

    /// <summary>One request value against the policy values: ORed, or NORed for a negated operator. A value whose variable
    /// has no value matches nothing ("Policy variables with no value").</summary>
    private bool SingleMatches(IReadOnlyList<PolicyVariables.Resolved?> policyValues, string value)
    {
        var matchesAny = policyValues.Any(policyValue => policyValue is { } resolved && Matches(resolved, value));
        return _negated ? !matchesAny : matchesAny;
    }

    private bool Matches(PolicyVariables.Resolved policyValue, string value) => _kind switch
    {
        ConditionKind.StringEquals => string.Equals(policyValue.Text, value, StringComparison.Ordinal),
        ConditionKind.StringEqualsIgnoreCase => string.Equals(policyValue.Text, value, StringComparison.OrdinalIgnoreCase),
        ConditionKind.StringLike => policyValue.Matches(value, StringComparison.Ordinal),
        ConditionKind.ArnLike => ArnMatches(policyValue, value),
        ConditionKind.Bool => bool.TryParse(policyValue.Text, out var wanted) && bool.TryParse(value, out var actual) && wanted == actual,
        _ => Numeric(policyValue.Text, value),
    };

    private bool Numeric(string policyValue, string value)
    {
        if (!decimal.TryParse(policyValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit)
            || !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual))
        {
            return false;
        }

        return _kind switch
        {
            ConditionKind.NumericEquals => actual == limit,
            ConditionKind.NumericLessThan => actual < limit,
            ConditionKind.NumericLessThanEquals => actual <= limit,
            ConditionKind.NumericGreaterThan => actual > limit,
            _ => actual >= limit,
        };
    }

    /// <summary>"Each of the six colon-delimited components of the ARN is checked separately" (ARN condition operators).</summary>
    private static bool ArnMatches(PolicyVariables.Resolved pattern, string arn)
    {
        var patternParts = pattern.ArnComponents();
        var arnParts = arn.Split(':', 6);
        return patternParts.Count == 6 && arnParts.Length == 6
            && patternParts.Zip(arnParts).All(pair => pair.First.Matches(pair.Second, StringComparison.Ordinal));
    }

    public override string ToString() => $"{Operator} {Key} [{string.Join(", ", Values)}]";
}
