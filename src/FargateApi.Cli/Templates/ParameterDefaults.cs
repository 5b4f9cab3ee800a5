namespace FargateApi.Cli.Templates;

/// <summary>
/// A template's parameter defaults, standing for <c>!Ref Parameter</c> where a verb needs concrete values (plan, simulate,
/// event): the values CloudFormation uses when the stack is deployed without overriding them. A parameter without a
/// default, or of an SSM type (whose default names a parameter, not a value), stays unknown. Every default used is
/// recorded, so the verb can say which values it assumed.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html: "Default: A value of
/// the appropriate type for the template to use if no value is specified when a stack is created"; a
/// <c>CommaDelimitedList</c> or <c>List&lt;…&gt;</c> parameter is a list of the comma-separated values.
/// </remarks>
internal sealed class ParameterDefaults
{
    private readonly Dictionary<string, TemplateValue> _defaults = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _used = [];

    /// <summary>The parameters resolved so far, each once, with their value as text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Used => _used;

    /// <summary>Reads the template's <c>Parameters</c> section.</summary>
    public void Declare(TemplateValue section)
    {
        if (section is not TemplateMap parameters)
        {
            return;
        }

        foreach (var (name, declaration) in parameters.Members)
        {
            if (declaration is not TemplateMap map || map.Get("Default") is not TemplateScalar { Kind: not ScalarKind.Null } given)
            {
                continue;
            }

            var type = map.Get("Type") is TemplateScalar { Kind: ScalarKind.String } declaredType ? declaredType.Text : "String";
            if (type.StartsWith("AWS::SSM::Parameter::", StringComparison.Ordinal))
            {
                continue;
            }

            _defaults[name] = type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
                ? new TemplateList([.. given.Text.Split(',').Select(item => new TemplateScalar(item.Trim(), ScalarKind.String))])
                : given;
        }
    }

    /// <summary>The default of a parameter, or null when it has none (then the Ref stays unknown).</summary>
    public TemplateValue? Resolve(string name)
    {
        if (!_defaults.TryGetValue(name, out var value))
        {
            return null;
        }

        if (!_used.Any(used => used.Key == name))
        {
            _used.Add(new(name, value is TemplateList list ? string.Join(",", list.Items.OfType<TemplateScalar>().Select(i => i.Text)) : ((TemplateScalar)value).Text));
        }

        return value;
    }
}
