using System.Reflection;
using System.Text.Json;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The conformance theory only proves what the samples exercise: for the json-protocol clients, where a record property
/// is a body member of the same name, every property of every request record an interface takes must reach the wire in
/// some sample call. A property no sample sets would let a serializer bug on it go unnoticed.
/// </summary>
public class SampleCompletenessTests
{
    /// <summary>SSM is left out: its one method takes a list of names, no record.</summary>
    public static TheoryData<string> JsonModels { get; } = ["ecs", "application-autoscaling", "logs", "secretsmanager"];

    [Theory]
    [MemberData(nameof(JsonModels))]
    public async Task Every_request_record_property_is_sent_by_some_sample(string model)
    {
        var cases = SampleRequests.All.Where(c => c.Model == model).ToArray();
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sample in cases)
        {
            var caller = new ModelAnsweringCaller();
            await sample.Call(caller, CancellationToken.None);
            using var body = JsonDocument.Parse(caller.Sent[0].Request.Body);
            CollectNames(body.RootElement, sent);
        }

        var properties = new List<string>();
        foreach (var contract in cases.Select(c => c.Interface).Distinct())
        {
            foreach (var parameter in contract.GetMethods().SelectMany(m => m.GetParameters()))
            {
                RecordProperties(parameter.ParameterType, properties, []);
            }
        }

        var unsent = properties.Where(p => !sent.Contains(p[(p.IndexOf('.', StringComparison.Ordinal) + 1)..])).Distinct().ToArray();

        Assert.NotEmpty(properties);
        Assert.True(unsent.Length == 0, $"{model}: no sample sends " + string.Join(", ", unsent) + " (set them in SampleRequests)");
    }

    private static void CollectNames(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                CollectNames(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectNames(item, names);
            }
        }
    }

    /// <summary>"Record.Property" for every property of every record reachable from <paramref name="type"/>.</summary>
    private static void RecordProperties(Type type, List<string> properties, HashSet<Type> seen)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                RecordProperties(argument, properties, seen);
            }

            return;
        }

        if (type.Namespace?.StartsWith("FargateApi", StringComparison.Ordinal) != true || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            properties.Add($"{type.Name}.{property.Name}");
            RecordProperties(property.PropertyType, properties, seen);
        }
    }
}
