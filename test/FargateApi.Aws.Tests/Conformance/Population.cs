using System.Collections;
using System.Reflection;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// Finds the properties of a parsed result that stayed empty. The sample response sets every member of the output shape,
/// so a record property left null, empty, 0 or false means the parser looked under the wrong name (or nothing maps it).
/// </summary>
internal static class Population
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<string> EmptyPaths(object? value, string root = "result")
    {
        var empty = new List<string>();
        Walk(value, root, empty, 0);
        return empty;
    }

    /// <summary>Every string reachable from <paramref name="value"/> (record properties, list items, dictionary keys and values).</summary>
    public static IEnumerable<string> Strings(object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return s;
                yield break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    foreach (var text in Strings(entry.Key, depth + 1).Concat(Strings(entry.Value, depth + 1)))
                    {
                        yield return text;
                    }
                }

                yield break;
            case IEnumerable sequence:
                foreach (var item in sequence)
                {
                    foreach (var text in Strings(item, depth + 1))
                    {
                        yield return text;
                    }
                }

                yield break;
        }

        if (depth >= MaxDepth || value.GetType().Namespace?.StartsWith("FargateApi", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var text in Strings(property.GetValue(value), depth + 1))
            {
                yield return text;
            }
        }
    }

    private static void Walk(object? value, string path, List<string> empty, int depth)
    {
        if (IsEmpty(value))
        {
            empty.Add(path);
            return;
        }

        if (depth >= MaxDepth || value is string || value!.GetType().IsPrimitive || value is DateTimeOffset or DateTime or decimal or Enum)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{path}[{entry.Key}]", empty, depth + 1);
                break;
            }

            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", empty, depth + 1);
            }

            return;
        }

        // Only our own records are walked: framework types (Uri, TimeSpan…) are leaves.
        if (value.GetType().Namespace?.StartsWith("FargateApi", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", empty, depth + 1);
            }
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        DateTimeOffset t => t == default,
        ICollection c => c.Count == 0,
        IEnumerable e and not string => !e.Cast<object?>().Any(),
        _ => false,
    };
}
