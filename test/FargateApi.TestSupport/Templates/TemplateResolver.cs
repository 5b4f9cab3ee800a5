using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static FargateApi.TestSupport.Templates.CloudFormationYaml;

namespace FargateApi.TestSupport.Templates;

/// <summary>
/// Evaluates the CloudFormation intrinsics template.yaml uses, for one imagined deployment: <c>Ref</c> (parameters with
/// their given or default values, pseudo parameters, resources as fixed physical ids), <c>Fn::Sub</c>, <c>Fn::GetAtt</c>
/// (fixed ARNs), <c>Fn::If</c> with the template's <c>Conditions</c> (<c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>,
/// <c>Fn::Or</c>, <c>Condition</c>), <c>Fn::Join</c> and <c>Fn::Split</c>; short (<c>!Sub</c>) and long (<c>Fn::Sub:</c>)
/// forms alike (CloudFormation User Guide, "Intrinsic function reference"). Anything else is an error naming it.
/// </summary>
public sealed partial class TemplateResolver
{
    private readonly CloudFormationYaml _template;
    private readonly TemplateDeployment _deployment;

    public TemplateResolver(CloudFormationYaml template, TemplateDeployment deployment)
    {
        _template = template;
        _deployment = deployment;
    }

    /// <summary>A resolved value: a string, a list of strings (Split, CommaDelimitedList), or AWS::NoValue.</summary>
    public sealed record Value(string? Text, IReadOnlyList<string>? List)
    {
        public static Value NoValue { get; } = new(null, null);

        public bool IsAbsent => Text is null && List is null;

        public string AsText(string where) => Text ?? throw new InvalidOperationException($"{where}: expected a string, got {(List is null ? "AWS::NoValue" : "a list")}.");
    }

    public Value Resolve(YamlNode node) => Resolve(node, "template");

    /// <summary>Writes a node as JSON, intrinsics resolved; AWS::NoValue drops the member or item.</summary>
    public void WriteJson(Utf8JsonWriter json, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Function(node) is not null)
        {
            WriteValue(json, Resolve(node));
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                json.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (Function(value) is not null && Resolve(value).IsAbsent)
                    {
                        continue;
                    }

                    json.WritePropertyName(Text(key) ?? string.Empty);
                    WriteJson(json, value);
                }

                json.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    if (Function(item) is not null)
                    {
                        var resolved = Resolve(item);
                        foreach (var text in resolved.List ?? (resolved.Text is null ? [] : [resolved.Text]))
                        {
                            json.WriteStringValue(text);
                        }
                    }
                    else
                    {
                        WriteJson(json, item);
                    }
                }

                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                json.WriteStringValue(scalar.Value);
                break;
        }
    }

    public bool Condition(string name)
    {
        var definition = Get(_template.Root, "Conditions", name) ?? throw new InvalidOperationException($"Condition '{name}' is not in the template's Conditions.");
        return Truth(definition, $"Conditions.{name}");
    }

    private static void WriteValue(Utf8JsonWriter json, Value value)
    {
        if (value.List is { } list)
        {
            json.WriteStartArray();
            foreach (var item in list)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteStringValue(value.Text);
        }
    }

    private Value Resolve(YamlNode node, string where)
    {
        if (Function(node) is not { } function)
        {
            return node switch
            {
                YamlScalarNode scalar => new Value(scalar.Value ?? string.Empty, null),
                YamlSequenceNode sequence => new Value(null, [.. sequence.Children.SelectMany(item => Flatten(Resolve(item, where)))]),
                _ => throw new InvalidOperationException($"{where}: a mapping is not a value."),
            };
        }

        var (name, argument) = function;
        return name switch
        {
            "Ref" => Ref(Scalar(argument, where, name), where),
            "Fn::Sub" => new Value(Sub(argument, where), null),
            "Fn::GetAtt" => new Value(GetAtt(argument, where), null),
            "Fn::If" => If(argument, where),
            "Fn::Join" => Join(argument, where),
            "Fn::Split" => Split(argument, where),
            _ => throw new InvalidOperationException($"{where}: the intrinsic {name} is not supported by the test resolver."),
        };
    }

    private static IEnumerable<string> Flatten(Value value) => value.List ?? (value.Text is null ? [] : [value.Text]);

    private Value Ref(string name, string where)
    {
        if (name == "AWS::NoValue")
        {
            return Value.NoValue;
        }

        if (_deployment.Pseudo(name) is { } pseudo)
        {
            return new Value(pseudo, null);
        }

        if (Get(_template.Root, "Parameters", name) is YamlMappingNode parameter)
        {
            var text = _deployment.Parameters.TryGetValue(name, out var given) ? given
                : Text(Get(parameter, "Default")) ?? TemplateDeployment.RequiredParameters.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"{where}: parameter {name} has no default and no value was given.");
            return Text(Get(parameter, "Type")) == "CommaDelimitedList" ? new Value(null, text.Split(',')) : new Value(text, null);
        }

        return _deployment.ResourceRefs.TryGetValue(name, out var physicalId)
            ? new Value(physicalId, null)
            : throw new InvalidOperationException($"{where}: Ref {name} is neither a parameter nor a resource with a fixed physical id in {nameof(TemplateDeployment)}.");
    }

    private string GetAtt(YamlNode argument, string where)
    {
        var attribute = argument is YamlSequenceNode pair ? string.Join('.', pair.Children.Select(child => Text(child))) : Scalar(argument, where, "Fn::GetAtt");
        return _deployment.Attributes.TryGetValue(attribute, out var value)
            ? value
            : throw new InvalidOperationException($"{where}: GetAtt {attribute} has no fixed value in {nameof(TemplateDeployment)}.");
    }

    private string Sub(YamlNode argument, string where)
    {
        var (text, variables) = argument switch
        {
            YamlScalarNode scalar => (scalar.Value ?? string.Empty, (YamlMappingNode?)null),
            YamlSequenceNode { Children: [YamlScalarNode body, YamlMappingNode map] } => (body.Value ?? string.Empty, map),
            _ => throw new InvalidOperationException($"{where}: Fn::Sub takes a string or [string, {{variables}}]."),
        };
        return SubVariable().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }

            if (variables is not null && Get(variables, name) is { } local)
            {
                return Resolve(local, where).AsText($"{where} ${{{name}}}");
            }

            return name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal)
                ? GetAtt(new YamlScalarNode(name), where)
                : Ref(name, where).AsText($"{where} ${{{name}}}");
        });
    }

    private Value If(YamlNode argument, string where)
    {
        if (argument is not YamlSequenceNode { Children: [var condition, var whenTrue, var whenFalse] })
        {
            throw new InvalidOperationException($"{where}: Fn::If takes [condition, value-if-true, value-if-false].");
        }

        return Resolve(Condition(Scalar(condition, where, "Fn::If")) ? whenTrue : whenFalse, where);
    }

    private Value Join(YamlNode argument, string where)
    {
        if (argument is not YamlSequenceNode { Children: [var delimiter, var items] })
        {
            throw new InvalidOperationException($"{where}: Fn::Join takes [delimiter, [values]].");
        }

        return new Value(string.Join(Scalar(delimiter, where, "Fn::Join"), Flatten(Resolve(items, where))), null);
    }

    private Value Split(YamlNode argument, string where)
    {
        if (argument is not YamlSequenceNode { Children: [var delimiter, var source] })
        {
            throw new InvalidOperationException($"{where}: Fn::Split takes [delimiter, string].");
        }

        return new Value(null, Resolve(source, where).AsText(where).Split(Scalar(delimiter, where, "Fn::Split")));
    }

    private bool Truth(YamlNode node, string where)
    {
        if (Function(node) is not { } function)
        {
            throw new InvalidOperationException($"{where}: a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition.");
        }

        var (name, argument) = function;
        var items = argument is YamlSequenceNode sequence ? sequence.Children : [];
        return name switch
        {
            "Fn::Equals" when items.Count == 2 => Canonical(Resolve(items[0], where)) == Canonical(Resolve(items[1], where)),
            "Fn::Not" when items.Count == 1 => !Truth(items[0], where),
            "Fn::And" => items.All(item => Truth(item, where)),
            "Fn::Or" => items.Any(item => Truth(item, where)),
            "Condition" => Condition(Scalar(argument, where, name)),
            _ => throw new InvalidOperationException($"{where}: {name} is not a condition function the test resolver knows."),
        };
    }

    private static string Canonical(Value value) => value.Text ?? string.Join(',', value.List ?? []);

    /// <summary>The intrinsic a node calls, short tag or one-key long form, with its argument; null for plain data.</summary>
    private static (string Name, YamlNode Argument)? Function(YamlNode node)
    {
        var tag = Tag(node);
        if (tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal))
        {
            var name = tag[1..];
            var full = name is "Ref" or "Condition" ? name : $"Fn::{name}";
            return (full, node);
        }

        return node is YamlMappingNode { Children.Count: 1 } mapping
            && Text(mapping.Children.Keys.Single()) is { } key
            && (key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
            ? (key, mapping.Children.Values.Single())
            : null;
    }

    private static string Scalar(YamlNode node, string where, string function) =>
        Text(node) ?? throw new InvalidOperationException($"{where}: {function} expects a string here.");

    [GeneratedRegex(@"\$\{(?<name>[^}]+)\}")]
    private static partial Regex SubVariable();
}

/// <summary>
/// One imagined deployment of template.yaml: parameter values (the rest take their defaults), pseudo parameters, and the
/// physical ids or attributes of the resources the provider's policy refers to.
/// </summary>
public sealed record TemplateDeployment
{
    public const string Partition = "aws";
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";
    public const string StackName = "fargate-api";

    /// <summary>The boundary policy's ARN when the template makes it (Ref TaskRoleBoundary).</summary>
    public static readonly string TaskRoleBoundaryArn = $"arn:{Partition}:iam::{AccountId}:policy/fargate-api/{StackName}-TaskRoleBoundary";

    public static readonly string ProviderFunctionArn = $"arn:{Partition}:lambda:{Region}:{AccountId}:function:{StackName}-ProviderFunction";

    /// <summary>The continuation key secret's ARN (Ref of an AWS::SecretsManager::Secret is its ARN, with the random suffix).</summary>
    public static readonly string ContinuationKeyArn = $"arn:{Partition}:secretsmanager:{Region}:{AccountId}:secret:ContinuationKey-AbCdEf";

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Values for the parameters without a default, used when <see cref="Parameters"/> gives none: the test account's
    /// platform team allows rules on every ALB listener of the account (the simulation's seeded listener among them).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RequiredParameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AllowedListenerArns"] = $"arn:{Partition}:elasticloadbalancing:{Region}:{AccountId}:listener/app/*/*/*",
    };

    public IReadOnlyDictionary<string, string> ResourceRefs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TaskRoleBoundary"] = TaskRoleBoundaryArn,
        ["ProviderFunction"] = $"{StackName}-ProviderFunction",
        ["ProviderRole"] = $"{StackName}-ProviderRole",
        ["ProviderLogGroup"] = $"/aws/lambda/{StackName}-provider",
        ["ContinuationKey"] = ContinuationKeyArn,
    };

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ProviderFunction.Arn"] = ProviderFunctionArn,
        ["ProviderLogGroup.Arn"] = $"arn:{Partition}:logs:{Region}:{AccountId}:log-group:/aws/lambda/{StackName}-provider:*",
        ["ProviderRole.Arn"] = $"arn:{Partition}:iam::{AccountId}:role/{StackName}-ProviderRole",
    };

    public string? Pseudo(string name) => name switch
    {
        "AWS::Partition" => Partition,
        "AWS::Region" => Region,
        "AWS::AccountId" => AccountId,
        "AWS::StackName" => StackName,
        "AWS::URLSuffix" => "amazonaws.com",
        _ => null,
    };
}
