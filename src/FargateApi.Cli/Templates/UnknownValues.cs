using FargateApi.Properties;
using C = FargateApi.Properties.PropertyCatalog;

namespace FargateApi.Cli.Templates;

/// <summary>
/// The properties a template sets with intrinsic functions, and which problems they make moot. A problem is dropped
/// when an unknown value can have caused it: a problem on the unknown property itself (or inside or above it), a
/// cross-property problem on a property whose rule reads an unknown one (Memory with an unknown Cpu, ServiceName with an
/// unknown ProjectPrefix…), and a problem on a member of a nested object with an unknown member (TargetHealthCheck's
/// timeout must be below its interval). Limitation: such a problem is not reported even when the literal values alone
/// are wrong; the Lambda reports it at deploy time.
/// </summary>
internal sealed class UnknownValues
{
    /// <summary>Top-level property → the properties its cross-property rules read (CrossPropertyRules, SectionReaders).</summary>
    private static readonly Dictionary<string, string[]> ReadsFrom = new(StringComparer.Ordinal)
    {
        [C.Memory.Name] = [C.Cpu.Name],
        [C.ServiceName.Name] = [C.ProjectPrefix.Name],
        [C.Network.Name] = [C.ProjectPrefix.Name],
        [C.EnvironmentVariables.Name] = [C.Secrets.Name],
        [C.Secrets.Name] = [C.EnvironmentVariables.Name],
        [C.PathPatterns.Name] = [C.HostHeaders.Name],
        [C.AutoScaling.Name] = [C.DesiredCount.Name],
        [C.HealthCheck.Name] = [C.ContainerPort.Name],
    };

    private readonly List<UnknownValue> _values = [];

    public IReadOnlyList<UnknownValue> Values => _values;

    public void Add(string path, string function) => _values.Add(new UnknownValue(path.Length == 0 ? "ResourceProperties" : path, function));

    /// <summary>True when the problem may come from a value the template leaves to deploy time.</summary>
    public bool CouldCause(PropertyProblem problem)
    {
        var problemTop = Top(problem.Property);

        // Cross-property rules report on a whole property (top-level, or a member of a nested object); a problem on one
        // list item or map entry is about that item alone (an unknown sibling stands in as a valid, distinct value).
        var onWholeProperty = problem.Property == problemTop || (IsObject(problemTop) && problem.Property.IndexOfAny(['[', '.'], problemTop.Length + 1) < 0);
        foreach (var unknown in _values)
        {
            if (unknown.Path == "ResourceProperties" || Within(problem.Property, unknown.Path) || Within(unknown.Path, problem.Property))
            {
                return true;
            }

            var unknownTop = Top(unknown.Path);
            if (onWholeProperty && ((unknownTop == problemTop && IsObject(problemTop)) || (ReadsFrom.TryGetValue(problemTop, out var read) && read.Contains(unknownTop))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsObject(string topLevel) => C.Root.Member(topLevel)?.Type == PropertyType.Object;

    /// <summary><c>AutoScaling.MaxCapacity</c> → <c>AutoScaling</c>; <c>PathPatterns[1]</c> → <c>PathPatterns</c>.</summary>
    private static string Top(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static bool Within(string path, string ancestor) =>
        path == ancestor || (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length && path[ancestor.Length] is '.' or '[');
}

/// <summary>One property (or list item, or map value) given by an intrinsic function.</summary>
internal sealed record UnknownValue(string Path, string Function)
{
    public override string ToString() => $"{Path} ({Function})";
}
