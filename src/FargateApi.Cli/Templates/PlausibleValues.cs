using FargateApi.Properties;
using P = FargateApi.Properties.PropertyPatterns;

namespace FargateApi.Cli.Templates;

/// <summary>
/// A valid value of a property's type, put where a template has an intrinsic function: the property's own default
/// when it has one, else a sample that passes the property's pattern (proved for every catalog entry by the tests).
/// Only the shape is checked for such a property; rules across properties that involve it are skipped
/// (<see cref="UnknownValues"/>), because the real value is known only at deploy time.
/// </summary>
internal static class PlausibleValues
{
    /// <summary>One string per pattern the catalog uses, matching it.</summary>
    private static readonly Dictionary<string, string> SampleByPattern = new(StringComparer.Ordinal)
    {
        [P.Name] = "unknown",
        [P.Environment] = "unknown",
        [P.Image] = "public.ecr.aws/unknown/unknown:latest",
        [P.EcrRepository] = "unknown/unknown",
        [P.ImageTag] = "unknown",
        [P.SecretSource] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:unknown",
        [P.SecretArn] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:unknown",
        [P.KmsKeyArn] = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000",
        [P.RoleArn] = "arn:aws:iam::123456789012:role/unknown",
        [P.ListenerArn] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/unknown/0123456789abcdef/0123456789abcdef",
        [P.VpcId] = "vpc-00000000",
        [P.SubnetId] = "subnet-00000000",
        [P.SecurityGroupId] = "sg-00000000",
        [P.ClusterName] = "unknown",
        [P.ParameterPrefix] = "/unknown",
        [P.HealthCheckPath] = "/unknown",
        [P.HttpCodes] = "200",
        [P.PathPattern] = "/unknown",
        [P.HostHeader] = "unknown.example.com",
        [P.TagKey] = "unknown",
        [P.DynamoDbTable] = "unknown",
        [P.S3Bucket] = "unknown",
    };

    /// <summary>The whole property's stand-in, written as JSON.</summary>
    public static void Write(System.Text.Json.Utf8JsonWriter json, PropertyDefinition? definition)
    {
        switch (definition?.Type)
        {
            case PropertyType.Integer:
                json.WriteNumberValue(Integer(definition));
                break;
            case PropertyType.Boolean:
                json.WriteBooleanValue(definition.DefaultBoolean ?? true);
                break;
            case PropertyType.StringList:
                json.WriteStartArray();
                foreach (var item in List(definition))
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            case PropertyType.StringMap or PropertyType.Object:
                json.WriteStartObject();
                json.WriteEndObject();
                break;
            case PropertyType.String:
                json.WriteStringValue(definition.DefaultString ?? definition.AllowedStrings?[0] ?? Item(definition));
                break;
            default:
                json.WriteStringValue("unknown");
                break;
        }
    }

    /// <summary>A stand-in for one string: a property, a list item or a map value.</summary>
    public static string Item(PropertyDefinition definition) =>
        definition.Pattern is { } pattern && SampleByPattern.TryGetValue(pattern, out var sample) ? sample : "unknown";

    /// <summary>Memory has no fixed default (it is 2 × Cpu): the default Cpu's, so an unknown Memory fits a default Cpu.</summary>
    public static long Integer(PropertyDefinition definition) =>
        definition == PropertyCatalog.Memory && PropertyCatalog.Cpu.DefaultInteger is { } cpu
            ? FargateSizes.DefaultMemory((int)cpu)
            : definition.DefaultInteger ?? definition.AllowedIntegers?[0] ?? definition.Minimum ?? 0;

    private static IReadOnlyList<string> List(PropertyDefinition definition)
    {
        if (definition.DefaultList is { Count: > 0 } defaults)
        {
            return defaults;
        }

        // The container health check command must start with CMD or CMD-SHELL.
        return definition == PropertyCatalog.HealthCheckMembers.Command
            ? ["CMD-SHELL", "exit 0"]
            : [.. Enumerable.Repeat(Item(definition), Math.Max(definition.MinItems ?? 0, definition.DefaultList is null ? 1 : 0))];
    }
}
