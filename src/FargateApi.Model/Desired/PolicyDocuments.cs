using System.Text;
using System.Text.Json;

namespace FargateApi.Desired;

/// <summary>
/// IAM policy JSON written with <see cref="Utf8JsonWriter"/> in a fixed member order, from the provider's own
/// statements only: no user-supplied JSON ever reaches a policy.
/// </summary>
internal static class PolicyDocuments
{
    /// <summary>The only policy language version IAM documents for current policies ("IAM JSON policy elements: Version").</summary>
    public const string Version = "2012-10-17";

    /// <summary>IAM quota: "Role policy size … 10,240 characters" for all inline policies of a role together
    /// (IAM and AWS STS quotas); whitespace is not counted, and we write none.</summary>
    public const int MaxInlinePolicyCharacters = 10_240;

    public static string Render(IEnumerable<PolicyStatement> statements) => Write(writer =>
    {
        writer.WriteStartArray("Statement");
        foreach (var statement in statements)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", statement.Sid);
            writer.WriteString("Effect", "Allow");
            WriteArray(writer, "Action", statement.Actions);
            WriteArray(writer, "Resource", statement.Resources);
            if (statement.Condition is { } condition)
            {
                writer.WriteStartObject("Condition");
                writer.WriteStartObject(condition.Operator);
                WriteArray(writer, condition.Key, condition.Values);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>
    /// The trust policy of a role the provider makes: the service may assume it only for this account's own resources.
    /// ECS recommends aws:SourceAccount (or aws:SourceArn) in the task role's trust relationship "to prevent the confused
    /// deputy problem" (ECS Developer Guide, "Amazon ECS task IAM role", Create the task IAM role,
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html; IAM User Guide, "The confused deputy
    /// problem", https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
    /// </summary>
    public static string Trust(string servicePrincipal, string sourceAccount) => Write(writer =>
    {
        writer.WriteStartArray("Statement");
        writer.WriteStartObject();
        writer.WriteString("Effect", "Allow");
        writer.WriteStartObject("Principal");
        writer.WriteString("Service", servicePrincipal);
        writer.WriteEndObject();
        writer.WriteString("Action", "sts:AssumeRole");
        writer.WriteStartObject("Condition");
        writer.WriteStartObject("StringEquals");
        writer.WriteString(SourceAccountKey, sourceAccount);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    /// <summary>The global condition key a service principal sets to the account of the resource it acts for (IAM User Guide, "AWS global condition context keys").</summary>
    public const string SourceAccountKey = "aws:SourceAccount";

    private static string Write(Action<Utf8JsonWriter> statements)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", Version);
            statements(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
