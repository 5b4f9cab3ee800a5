using System.Reflection;
using System.Text.RegularExpressions;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// We re-implement the ECS waiters we rely on (ServicesStable semantics: design/architecture.md), so the records our
/// clients return must expose every field those waiters' acceptors read (ecs/2014-11-13/waiters-2.json).
/// </summary>
public partial class WaiterCoverageTests
{
    public static TheoryData<string> Waiters { get; } = ["ServicesStable", "ServicesInactive", "TasksRunning", "TasksStopped"];

    /// <summary>A JMESPath field name: an identifier not followed by '(' (that would be a function such as length).</summary>
    [GeneratedRegex(@"(?>[A-Za-z_][A-Za-z0-9_]*)(?!\s*\()", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex("`[^`]*`", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    [Theory]
    [MemberData(nameof(Waiters))]
    public void Result_records_expose_every_field_the_waiter_reads(string waiter)
    {
        var definition = ServiceModel.Load("ecs").Waiters!.Value.GetProperty(waiter);
        var operation = definition.GetProperty("operation").GetString()!;
        var sample = SampleRequests.All.First(c => c.Model == "ecs" && c.Operation == operation);
        var method = sample.Interface.GetMethod(sample.Method)!;
        var exposed = PropertyNames(method.ReturnType.GetGenericArguments()[0], []);

        var read = definition.GetProperty("acceptors").EnumerateArray()
            .Where(a => a.TryGetProperty("argument", out _))
            .SelectMany(a => Identifier().Matches(Literal().Replace(a.GetProperty("argument").GetString()!, "")).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var missing = read.Where(name => !exposed.Contains(name)).ToArray();

        Assert.NotEmpty(read);
        Assert.True(missing.Length == 0, $"{waiter} reads {string.Join(", ", missing)}, which {method.ReturnType.GetGenericArguments()[0].Name} does not expose");
    }

    /// <summary>The camelCase wire names of every property reachable from <paramref name="type"/> (records, list items).</summary>
    private static HashSet<string> PropertyNames(Type type, HashSet<string> names)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                PropertyNames(argument, names);
            }

            return names;
        }

        if (type.Namespace?.StartsWith("FargateApi", StringComparison.Ordinal) != true)
        {
            return names;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (names.Add(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]))
            {
                PropertyNames(property.PropertyType, names);
            }
        }

        return names;
    }
}
