namespace FargateApi.Cli.Templates;

/// <summary>
/// A value of a CloudFormation template, whatever its syntax (YAML with short-form tags, or JSON): the one shape the
/// validator walks, so YAML and JSON templates are checked by the same code.
/// </summary>
internal abstract record TemplateValue;

internal enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A literal: YAML plain scalars that read as numbers or booleans keep that kind, quoted ones are strings.</summary>
internal sealed record TemplateScalar(string Text, ScalarKind Kind) : TemplateValue
{
    public static TemplateScalar Null { get; } = new(string.Empty, ScalarKind.Null);
}

internal sealed record TemplateList(IReadOnlyList<TemplateValue> Items) : TemplateValue;

/// <summary>Members in template order (a repeated key keeps its last value, as CloudFormation's parsers do).</summary>
internal sealed record TemplateMap(IReadOnlyList<KeyValuePair<string, TemplateValue>> Members) : TemplateValue
{
    public TemplateValue? Get(string key)
    {
        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Key == key)
            {
                return Members[i].Value;
            }
        }

        return null;
    }
}

/// <summary>
/// An intrinsic function or a condition (<c>!Ref</c>, <c>Fn::Sub</c>, <c>!If</c>…): its value is known only to
/// CloudFormation at deploy time, so the validator takes it as some valid value of the property's type.
/// </summary>
/// <param name="Function">The long-form name: <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Condition</c>.</param>
internal sealed record TemplateIntrinsic(string Function) : TemplateValue
{
    /// <summary>The long-form name of a short-form YAML tag: <c>!Ref</c> → <c>Ref</c>, <c>!Sub</c> → <c>Fn::Sub</c>.
    /// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)</summary>
    public static string FromTag(string tag)
    {
        var name = tag.TrimStart('!');
        return name is "Ref" or "Condition" ? name : "Fn::" + name;
    }

    /// <summary>A one-member map whose key is <c>Ref</c>, <c>Condition</c> or <c>Fn::…</c> is the long form of a function.</summary>
    public static bool IsLongForm(string key) => key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);
}
