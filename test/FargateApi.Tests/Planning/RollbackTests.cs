using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Tests.Desired;

namespace FargateApi.Tests.Planning;

/// <summary>A failed update rolls back with a second Update whose old and new properties are swapped.</summary>
public class RollbackTests
{
    private static readonly DesiredStack A = Seed.Stack();

    private static readonly DesiredStack B = Seed.Stack(Seed.Properties with
    {
        Image = Seed.Properties.Image with { Tag = "v2" },
        LogRetentionDays = 30,
        Priority = 9,
        HostHeaders = ["api.example.com"],
        DeregistrationDelaySeconds = 45,
        DesiredCount = 4,
        AutoScaling = Seed.Properties.AutoScaling! with { MaxCapacity = 12, RequestsPerTarget = 500 },
        EnvironmentVariables = new Dictionary<string, string> { ["LOG_LEVEL"] = "debug" },
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/mine",
        EnableExecuteCommand = false,
        Tags = new Dictionary<string, string> { ["team"] = "core" },
    });

    private static bool IsSettled(FieldChange field) => field.Old != UpdatePlanner.CurrentRevision;

    [Fact]
    public void Plan_back_moves_every_changed_field_from_the_new_value_to_the_old_one()
    {
        var forward = Plan.ForUpdate(A, B);
        var back = Plan.ForUpdate(B, A);

        Assert.Equal(PlanKind.UpdateInPlace, back.Kind);
        foreach (var change in forward.Changes.Where(change => change.Kind == ChangeKind.UpdateInPlace))
        {
            // Both ways register a new revision: the revision moves forward, never back.
            var reverse = back.Changes.Single(candidate => candidate.Resource == change.Resource);
            Assert.Equal(
                change.Fields.Where(IsSettled).Select(field => field.Inverse()).OrderBy(field => field.Field, StringComparer.Ordinal),
                reverse.Fields.Where(IsSettled).OrderBy(field => field.Field, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Applying_the_plan_back_to_the_new_stack_gives_the_old_stack_values()
    {
        var back = Plan.ForUpdate(B, A);
        var before = Resources.Of(B).ToDictionary(resource => resource.Name, resource => resource.Fields);

        foreach (var expected in Resources.Of(A))
        {
            var change = back.Changes.Single(candidate => candidate.Resource == expected.Name);
            var fields = before.TryGetValue(expected.Name, out var current)
                ? current.ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in change.Fields.Where(IsSettled))
            {
                if (field.New is null)
                {
                    fields.Remove(field.Field);
                }
                else
                {
                    fields[field.Field] = field.New;
                }
            }

            Assert.Equal(expected.Fields.ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal), fields);
        }
    }

    [Fact]
    public void Plan_back_recreates_the_role_the_forward_plan_deleted()
    {
        Assert.Contains(Plan.ForUpdate(A, B).Steps, step => step.Id == "delete-execution-role");
        Assert.Contains(Plan.ForUpdate(B, A).Steps, step => step.Id == "create-execution-role");
        Assert.Equal(["create-execution-role", "put-execution-role-policy", "put-task-role-policy"], Plan.ForUpdate(B, A).Steps.Single(step => step.Id == "register-task-definition").DependsOn);
    }

    [Fact]
    public void Plan_back_to_removed_scaling_registers_it_again()
    {
        var without = Seed.Stack(Seed.Properties with { AutoScaling = null });

        Assert.Equal(ChangeKind.Delete, Plan.ForUpdate(A, without).Changes.Single(change => change.Resource == "scaling").Kind);
        Assert.Equal(ChangeKind.Create, Plan.ForUpdate(without, A).Changes.Single(change => change.Resource == "scaling").Kind);
    }
}
