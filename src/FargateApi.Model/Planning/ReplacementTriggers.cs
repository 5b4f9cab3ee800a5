using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Planning;

/// <summary>
/// The properties that no AWS call can change on an existing stack: those the catalog marks
/// <see cref="UpdateBehavior.Replacement"/> (as Terraform's ForceNew), the one place that says so. Any of them changing
/// means a new stack at the next generation; each reason names the property, its old → new value and the catalog's why.
/// </summary>
internal static class ReplacementTriggers
{
    /// <summary>
    /// How each such property reads on a derived stack: the value it resolved to (a network id read from SSM counts, so a
    /// changed SSM parameter replaces the stack just as a changed property does), in the order reasons are given.
    /// </summary>
    private static readonly (string Path, Func<DesiredStack, string> Value)[] Effective =
    [
        ("ProjectPrefix", stack => stack.Names.ProjectPrefix),
        ("ServiceName", stack => stack.Names.ServiceName),
        ("Network.ClusterName", stack => stack.Network.ClusterName),
        ("Network.VpcId", stack => stack.Network.VpcId),
        ("Network.ListenerArn", stack => stack.Network.ListenerArn),
    ];

    /// <summary>The catalog's replacement properties, each with how it reads on a stack; fails loudly if the two disagree.</summary>
    public static IReadOnlyList<Trigger> All => field ??= Join();

    public static ValueList<string> Reasons(DesiredStack current, DesiredStack next) =>
        All.Select(trigger => (trigger, Old: trigger.Value(current), New: trigger.Value(next)))
            .Where(pair => !string.Equals(pair.Old, pair.New, StringComparison.Ordinal))
            .Select(pair => $"{pair.trigger.Definition.Name} {pair.Old} → {pair.New} cannot change in place ({pair.trigger.Definition.ReplacementReason})")
            .ToValueList();

    private static List<Trigger> Join()
    {
        var declared = PropertyPaths.Definitions
            .Where(entry => entry.Definition.Update == UpdateBehavior.Replacement)
            .ToDictionary(entry => entry.Path, entry => entry.Definition, StringComparer.Ordinal);
        var read = Effective.Select(entry => entry.Path).ToHashSet(StringComparer.Ordinal);
        if (!read.SetEquals(declared.Keys))
        {
            throw new InvalidOperationException(
                $"The catalog's replacement properties ({string.Join(", ", declared.Keys.Order(StringComparer.Ordinal))}) and the ones a stack can be " +
                $"compared on ({string.Join(", ", read.Order(StringComparer.Ordinal))}) differ: give each a way to read it in ReplacementTriggers.");
        }

        return [.. Effective.Select(entry => new Trigger(entry.Path, declared[entry.Path], entry.Value))];
    }
}

/// <summary>A property that forces replacement: its catalog definition and how it reads on a derived stack.</summary>
internal sealed record Trigger(string Path, PropertyDefinition Definition, Func<DesiredStack, string> Value);
