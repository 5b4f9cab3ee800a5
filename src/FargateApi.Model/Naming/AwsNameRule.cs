using System.Globalization;

namespace FargateApi.Naming;

/// <summary>
/// What one AWS API accepts for one kind of name: a length, a set of characters, and sometimes a start it refuses
/// (EC2's <c>sg-</c>) or hyphens at the edges (ELB target groups). The table of rules, each with its source, is
/// <see cref="AwsNameRules"/>.
/// </summary>
/// <param name="What">The name's kind in messages: "security group name".</param>
/// <param name="Service">Who refuses it: "EC2".</param>
/// <param name="IsAllowed">Whether one character may appear in the name.</param>
/// <param name="AllowedText">The allowed characters in words.</param>
/// <param name="ForbiddenPrefix">A start the service refuses (compared ignoring case), or null.</param>
/// <param name="EdgeHyphens">False when the name may neither begin nor end with '-'.</param>
internal sealed record AwsNameRule(
    string What,
    string Service,
    int MaxLength,
    Func<char, bool> IsAllowed,
    string AllowedText,
    string? ForbiddenPrefix = null,
    bool EdgeHyphens = true)
{
    /// <summary>Each way <paramref name="name"/> breaks the rule; empty when AWS accepts it.</summary>
    public IReadOnlyList<NameViolation> Check(string name)
    {
        var violations = new List<NameViolation>();
        void Add(NameViolationKind kind, string reason) => violations.Add(new NameViolation(kind, What, name, reason));

        if (name.Length > MaxLength)
        {
            Add(NameViolationKind.TooLong, string.Create(CultureInfo.InvariantCulture, $"is {name.Length} characters; AWS allows {MaxLength}"));
        }

        if (name.FirstOrDefault(c => !IsAllowed(c)) is var bad and not '\0')
        {
            Add(NameViolationKind.Character, $"has the character '{bad}'; {Service} allows only {AllowedText}");
        }

        if (ForbiddenPrefix is { } prefix && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            Add(NameViolationKind.Prefix, $"starts with '{prefix}', which {Service} refuses");
        }

        if (!EdgeHyphens && (name.StartsWith('-') || name.EndsWith('-')))
        {
            Add(NameViolationKind.EdgeHyphen, $"begins or ends with a hyphen, which {Service} refuses");
        }

        return violations;
    }
}
