using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Tests.Desired;

namespace FargateApi.Tests.Planning;

public class DeletePlanTests
{
    private static readonly Plan Delete = Plan.ForDelete(Seed.Stack());

    private static string[][] Waves(Plan plan) => [.. plan.Waves.Select(wave => wave.Select(step => step.Id).ToArray())];

    [Fact]
    public void Delete_stops_requests_and_deletes_the_service_first_and_drains_it_before_anything_its_tasks_use()
    {
        Assert.Equal(
            [
                ["resolve-network"],
                ["read-service", "read-execution-role", "read-task-role", "deregister-scalable-target", "delete-listener-rule"],
                ["delete-service", "restore-rule-priority"],
                ["wait-service-inactive", "deregister-task-definitions"],
                ["delete-target-group", "delete-security-group", "delete-execution-role-policy", "delete-task-role-policy", "delete-log-group"],
                ["delete-execution-role", "delete-task-role"],
            ],
            Waves(Delete));
    }

    [Fact]
    public void What_running_tasks_use_goes_only_once_the_service_is_inactive()
    {
        foreach (var id in new[] { "delete-target-group", "delete-security-group", "delete-execution-role-policy", "delete-task-role-policy", "delete-log-group" })
        {
            Assert.Contains("wait-service-inactive", Delete.Steps.Single(step => step.Id == id).DependsOn);
        }
    }

    [Fact]
    public void A_role_goes_in_one_call_after_its_policy_and_its_owner_is_read_beside_the_services_delete()
    {
        Assert.Equal(["read-task-role", "wait-service-inactive"], Delete.Steps.Single(step => step.Id == "delete-task-role-policy").DependsOn);
        Assert.Equal(["delete-task-role-policy"], Delete.Steps.Single(step => step.Id == "delete-task-role").DependsOn);
        Assert.Equal(["read-service"], Delete.Steps.Single(step => step.Id == "delete-service").DependsOn);
        Assert.Equal(StepAction.FindRole, Delete.Steps.Single(step => step.Id == "read-task-role").Action);
    }

    [Fact]
    public void Task_definitions_are_deregistered_only_after_the_service_is_deleted()
    {
        Assert.Equal(["delete-service"], Delete.Steps.Single(step => step.Id == "deregister-task-definitions").DependsOn);
    }

    [Fact]
    public void Target_group_goes_after_the_rule_that_forwards_to_it()
    {
        Assert.Contains("delete-listener-rule", Delete.Steps.Single(step => step.Id == "delete-target-group").DependsOn);
    }

    [Fact]
    public void Security_group_delete_retries_while_network_interfaces_drain()
    {
        var step = Delete.Steps.Single(step => step.Id == "delete-security-group");

        Assert.Equal(["wait-service-inactive"], step.DependsOn);
        Assert.Contains("DependencyViolation", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_force_deletes_the_service_and_forces_nothing_it_did_not_make()
    {
        var plan = Plan.ForDelete(Seed.Stack(Seed.Properties with
        {
            TaskRoleArn = "arn:aws:iam::1:role/t",
            ExecutionRoleArn = "arn:aws:iam::1:role/e",
            AutoScaling = null,
        }));

        Assert.DoesNotContain(plan.Steps, step => step.Action is StepAction.DeleteRole or StepAction.DeleteRolePolicy or StepAction.FindRole);
        Assert.Equal(["read-service", "delete-listener-rule"], plan.Waves[1].Select(step => step.Id));
        Assert.DoesNotContain(plan.Steps, step => step.Action == StepAction.UpdateService);
        Assert.Equal("force", plan.Steps.Single(step => step.Id == "delete-service").Note);
    }

    [Fact]
    public void Retained_log_group_is_kept()
    {
        var plan = Plan.ForDelete(Seed.Stack(Seed.Properties with { LogRemovalPolicy = RemovalPolicy.Retain }));

        Assert.DoesNotContain(plan.Steps, step => step.Action == StepAction.DeleteLogGroup);
        Assert.Contains("  keep: log group (RemovalPolicy Retain)\n", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_log_group_and_rule_priority_are_guarded_for_other_generations()
    {
        Assert.Equal(StepGuard.NoOtherGenerationRemains, Delete.Steps.Single(step => step.Id == "delete-log-group").Guard);
        Assert.Equal(StepGuard.OtherGenerationRuleRemains, Delete.Steps.Single(step => step.Id == "restore-rule-priority").Guard);
    }

    [Fact]
    public void Delete_plan_prints_waves()
    {
        Assert.Equal(
            """
            delete: generation 0, physical id arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service
              delete: log group, execution role, task role, task definition, security group, target group, listener rule, service, scaling
            steps (6 waves):
              wave 1:
                resolve network arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — SSM parameters for the ids not given (the load balancer is read off the listener ARN)
              wave 2:
                find service myproj-app-api-service in cluster myproj-cluster — whose it is: a service of another owner is never deleted
                find role myproj-app-api-exec-role — whose it is: a role of another owner is never deleted
                find role myproj-app-api-task-role — whose it is: a role of another owner is never deleted
                deregister scalable target service/myproj-cluster/myproj-app-api-service — its scaling policies go with it
                delete listener rule priority 1 on arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — first: requests stop before the tasks do
              wave 3:
                delete service myproj-app-api-service — force
                restore rule priority 1 on arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — a replacement that rolled back left the older generation's rule at a temporary priority [only if another generation's rule remains]
              wave 4:
                wait for service inactive myproj-app-api-service
                deregister task definitions myproj-app-api-task — every revision of the family
              wave 5:
                delete target group myproj-app-api-tg
                delete security group myproj-app-api-ecs-sg — retries DependencyViolation while the tasks' network interfaces drain
                delete role policy myproj-app-api-exec-role/myproj-app-api-exec-role
                delete role policy myproj-app-api-task-role/myproj-app-api-task-role
                delete log group /ecs/myproj/app-api [unless another generation remains]
              wave 6:
                delete role myproj-app-api-exec-role — a policy someone else added is removed first
                delete role myproj-app-api-task-role — a policy someone else added is removed first

            """,
            Delete.ToString());
    }
}
