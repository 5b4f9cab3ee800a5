using System.Text;

namespace FargateApi.Planning;

/// <summary>
/// The plan as text for people (the CLI prints it; tests snapshot it): a headline saying what kind of change and why,
/// the changed fields per resource, then the steps wave by wave. Same plan, same text.
/// </summary>
internal static class PlanPrinter
{
    public static string Print(Plan plan)
    {
        var text = new StringBuilder();
        var stack = plan.Stack;
        switch (plan.Kind)
        {
            case PlanKind.Create:
                text.Append("create: generation ").Append(stack.Generation).Append(", physical id ").AppendLine(stack.PhysicalResourceId);
                text.Append("  ").AppendLine(string.Join(", ", plan.Changes.Select(change => change.Resource)));
                break;
            case PlanKind.Delete:
                text.Append("delete: generation ").Append(stack.Generation).Append(", physical id ").AppendLine(stack.PhysicalResourceId);
                text.Append("  delete: ").AppendLine(string.Join(", ", plan.Changes.Where(change => change.Kind == ChangeKind.Delete).Select(change => change.Resource)));
                foreach (var kept in plan.Changes.Where(change => change.Kind == ChangeKind.NoChange))
                {
                    text.Append("  keep: ").Append(kept.Resource).Append(" (").Append(kept.Reason).AppendLine(")");
                }

                break;
            case PlanKind.Revive:
                text.Append("revive: generation ").Append(stack.Generation).Append(", physical id ").Append(stack.PhysicalResourceId)
                    .AppendLine(" (it kept serving while a replacement that rolled back was built)");
                break;
            case PlanKind.Replace:
                text.Append("replace: ").AppendLine(string.Join("; ", plan.Reasons));
                text.Append("  new stack: generation ").Append(stack.Generation).Append(", physical id ").AppendLine(stack.PhysicalResourceId);
                text.Append("  old stack: generation ").Append(plan.Previous!.Generation).Append(", physical id ").Append(plan.Previous.PhysicalResourceId)
                    .AppendLine(" (left running; CloudFormation deletes it after the update)");
                foreach (var change in plan.Changes)
                {
                    text.Append("  ").Append(change.Resource).Append(": ").AppendLine(KindText(change.Kind));
                }

                break;
            case PlanKind.UpdateInPlace when plan.IsEmpty && plan.Changes.All(change => change.Kind == ChangeKind.NoChange):
                text.Append("no change: generation ").Append(stack.Generation).Append(", physical id ").AppendLine(stack.PhysicalResourceId);
                return text.ToString();
            case PlanKind.UpdateInPlace:
                var changed = plan.Changes.Where(change => change.Kind != ChangeKind.NoChange).ToList();
                text.Append("update in place: ").AppendLine(string.Join(", ", changed.Select(Headline)));
                foreach (var change in changed)
                {
                    text.Append("  ").Append(change.Resource).Append(": ").Append(KindText(change.Kind));
                    text.AppendLine(change.Reason is null ? string.Empty : $" ({change.Reason})");
                    foreach (var field in change.Fields)
                    {
                        text.Append("    ").AppendLine(field.ToString());
                    }
                }

                break;
        }

        foreach (var problem in plan.Problems)
        {
            text.Append("  problem: ").AppendLine(problem);
        }

        var waves = plan.Waves;
        text.Append("steps (").Append(waves.Count).AppendLine(waves.Count == 1 ? " wave):" : " waves):");
        for (var wave = 0; wave < waves.Count; wave++)
        {
            text.Append("  wave ").Append(wave + 1).AppendLine(":");
            foreach (var step in waves[wave])
            {
                text.Append("    ").AppendLine(StepText(step));
            }
        }

        return text.ToString();
    }

    public static string StepText(Step step)
    {
        var line = $"{Words(step.Action.ToString())} {step.Target}";
        if (step.Note is not null)
        {
            line += $" — {step.Note}";
        }

        return step.Guard switch
        {
            StepGuard.NoOtherGenerationRemains => line + " [unless another generation remains]",
            StepGuard.OtherGenerationRuleRemains => line + " [only if another generation's rule remains]",
            _ => line,
        };
    }

    private static string Headline(ResourceChange change) => change.Resource == Resources.TaskDefinition && change.Reason == "new revision"
        ? "task definition revision"
        : change.Resource;

    private static string KindText(ChangeKind kind) => kind switch
    {
        ChangeKind.NoChange => "no change",
        ChangeKind.UpdateInPlace => "update in place",
        ChangeKind.Replace => "replace",
        ChangeKind.Create => "create",
        ChangeKind.Delete => "delete",
        _ => kind.ToString(),
    };

    /// <summary><c>PutRetentionPolicy</c> → <c>put retention policy</c>.</summary>
    private static string Words(string pascalCase)
    {
        var words = new StringBuilder();
        foreach (var character in pascalCase)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }
}
