using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Tests.Desired;

namespace FargateApi.Tests.Planning;

public class UpdatePlanTests
{
    private static readonly DesiredStack Current = Seed.Stack();

    private static Plan Update(ServiceProperties next, ResolvedNetwork? network = null) =>
        Plan.ForUpdate(Current, Seed.Stack(next, network));

    /// <summary>The plan's changes: its steps but the reads it was derived from.</summary>
    private static List<Step> Acts(Plan plan) => [.. plan.Steps.Where(step => !Observation.IsRead(step))];

    private static string[] Ids(Plan plan) => [.. Acts(plan).Select(step => step.Id)];

    /// <summary>An Update's reads take two waves: the network and the service, then what the service uses.</summary>
    private const int ReadWaves = 2;

    [Fact]
    public void An_update_reads_the_network_and_the_stack_as_it_stands_before_anything_changes()
    {
        var plan = Update(Seed.Properties with { Image = Seed.Properties.Image with { Tag = "v2" } });

        Assert.Equal(["resolve-network", "find-service", "find-task-definition"], plan.Waves[0].Select(step => step.Id));
        Assert.Equal(["find-target-group", "find-listener-rule", "find-security-group"], plan.Waves[1].Select(step => step.Id));
        Assert.All(plan.Steps.Where(step => !Observation.IsRead(step) && step.DependsOn.Count > 0 && step.DependsOn.All(Observation.IsReadId)),
            step => Assert.Equal(["find-target-group", "find-listener-rule", "find-security-group", "find-task-definition"], step.DependsOn));
    }

    [Fact]
    public void Image_tag_change_registers_a_revision_then_updates_the_service()
    {
        var plan = Update(Seed.Properties with { Image = Seed.Properties.Image with { Tag = "v2" } });

        Assert.Equal(PlanKind.UpdateInPlace, plan.Kind);
        Assert.Equal(["register-task-definition", "update-service", "wait-steady-state"], Ids(plan));
        Assert.Equal(3, plan.Depth - ReadWaves);
        Assert.Equal(Current.PhysicalResourceId, plan.PhysicalResourceId);
    }

    [Fact]
    public void Image_tag_change_prints_the_revision_and_the_image()
    {
        var plan = Update(Seed.Properties with { Image = Seed.Properties.Image with { Tag = "v2" } });

        Assert.Equal(
            """
            update in place: task definition revision, service
              task definition: update in place (new revision)
                Container.Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/myproj/app-api:latest → 123456789012.dkr.ecr.us-east-1.amazonaws.com/myproj/app-api:v2
              service: update in place
                TaskDefinition: <current revision> → <new revision>
            steps (5 waves):
              wave 1:
                resolve network arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — SSM parameters for the ids not given (the load balancer is read off the listener ARN)
                find service myproj-app-api-service in cluster myproj-cluster — whose it is and what it runs: nothing is changed on a service of another owner
                find task definition myproj-app-api-task — the latest revision: whose the family is, and whether a retried update already registered the new one
              wave 2:
                find target group myproj-app-api-tg — the VPC the stack is in
                find listener rule arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — the stack's rule is on this listener, or the listener moved
                find security group myproj-app-api-ecs-sg — the ingress the tasks admit now
              wave 3:
                register task definition myproj-app-api-task — new revision
              wave 4:
                update service myproj-app-api-service in cluster myproj-cluster
              wave 5:
                wait for steady state myproj-app-api-service — DescribeServices polls: SUCCESS only once the tasks run (WaitForSteadyState)

            """,
            plan.ToString());
    }

    [Fact]
    public void Retention_change_only_puts_the_retention_policy()
    {
        var plan = Update(Seed.Properties with { LogRetentionDays = 14 });

        Assert.Equal(["put-retention-policy"], Ids(plan));
        Assert.Equal(new FieldChange("RetentionInDays", "7", "14"), plan.Changes.Single(change => change.Resource == "log group").Fields.Single());
    }

    [Fact]
    public void Removal_policy_change_is_shown_but_needs_no_call()
    {
        var plan = Update(Seed.Properties with { LogRemovalPolicy = RemovalPolicy.Retain });

        Assert.Empty(Acts(plan));
        Assert.Equal(ChangeKind.UpdateInPlace, plan.Changes.Single(change => change.Resource == "log group").Kind);
    }

    [Fact]
    public void Target_health_check_change_modifies_the_target_group()
    {
        var plan = Update(Seed.Properties with { TargetHealthCheck = Seed.Properties.TargetHealthCheck with { Path = "/ready", HealthyHttpCodes = "200-299" } });

        Assert.Equal(["modify-target-group"], Ids(plan));
        Assert.Equal(["HealthCheck.Path", "HealthCheck.Matcher"], plan.Changes.Single(change => change.Resource == "target group").Fields.Select(field => field.Field));
    }

    [Fact]
    public void Deregistration_delay_change_modifies_the_target_group_attributes()
    {
        Assert.Equal(["modify-target-group-attributes"], Ids(Update(Seed.Properties with { DeregistrationDelaySeconds = 60 })));
    }

    [Fact]
    public void Path_or_host_change_modifies_the_rule_and_priority_change_sets_priorities()
    {
        Assert.Equal(["modify-rule"], Ids(Update(Seed.Properties with { PathPatterns = ["/api/*", "/v2/*"] })));
        Assert.Equal(["modify-rule"], Ids(Update(Seed.Properties with { HostHeaders = ["api.example.com"] })));
        Assert.Equal(["set-rule-priority"], Ids(Update(Seed.Properties with { Priority = 7 })));
    }

    [Fact]
    public void Service_settings_update_the_service_without_a_new_revision()
    {
        var plan = Update(Seed.Properties with { DesiredCount = 3, Deployment = Seed.Properties.Deployment with { HealthCheckGracePeriodSeconds = 120 } });

        Assert.Equal(["update-service", "wait-steady-state"], Ids(plan));
        Assert.Equal(
            ["DesiredCount: 2 → 3", "HealthCheckGracePeriodSeconds: 60 → 120"],
            plan.Changes.Single(change => change.Resource == "service").Fields.Select(field => field.ToString()));
    }

    [Fact]
    public void Scaling_bounds_re_register_the_target_and_a_target_value_puts_only_that_policy()
    {
        var scaling = Seed.Properties.AutoScaling!;

        Assert.Equal(["register-scalable-target"], Ids(Update(Seed.Properties with { AutoScaling = scaling with { MaxCapacity = 20 } })));
        Assert.Equal(
            ["put-scaling-policy:myproj-app-api-service-cpu-scaling"],
            Ids(Update(Seed.Properties with { AutoScaling = scaling with { CpuTargetPercent = 60 } })));
    }

    [Fact]
    public void Adding_and_removing_auto_scaling_creates_and_deregisters_the_target()
    {
        var without = Seed.Stack(Seed.Properties with { AutoScaling = null });

        Assert.Equal(["deregister-scalable-target"], Ids(Plan.ForUpdate(Current, without)));
        var added = Plan.ForUpdate(without, Current);
        Assert.Equal("register-scalable-target", Acts(added)[0].Id);
        Assert.All(Acts(added).Skip(1), step => Assert.Equal(["register-scalable-target"], step.DependsOn));
        Assert.Equal(4, Acts(added).Count);
    }

    [Fact]
    public void New_load_balancer_security_group_authorizes_before_revoking()
    {
        var plan = Update(Seed.Properties, Seed.Network with { LoadBalancerSecurityGroupId = "sg-0new" });

        Assert.Equal(["authorize-ingress", "revoke-ingress"], Ids(plan));
        Assert.Equal(["authorize-ingress"], Acts(plan)[1].DependsOn);
        Assert.Equal("myproj-app-api-ecs-sg: tcp 8000-8000 from sg-0alb", Acts(plan)[1].Target);
    }

    [Fact]
    public void Grant_change_only_rewrites_the_task_role_policy()
    {
        Assert.Equal(["put-task-role-policy"], Ids(Update(Seed.Properties with { Grants = Grants.None })));
    }

    [Fact]
    public void New_secret_updates_the_execution_policy_before_the_new_revision()
    {
        var plan = Update(Seed.Properties with
        {
            Secrets = new Dictionary<string, string> { ["API_KEY"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456" },
        });

        Assert.Equal(["put-execution-role-policy", "register-task-definition", "update-service", "wait-steady-state"], Ids(plan));
        Assert.Equal(["put-execution-role-policy"], Acts(plan)[1].DependsOn);
    }

    [Fact]
    public void Tag_change_only_retags_and_never_redeploys()
    {
        var plan = Update(Seed.Properties with { Tags = new Dictionary<string, string> { ["team"] = "core" } });

        Assert.All(Acts(plan), step => Assert.Equal(StepAction.UpdateTags, step.Action));
        Assert.Equal(
            ["tag-log-group", "tag-execution-role", "tag-task-role", "tag-task-definition", "tag-security-group", "tag-target-group", "tag-listener-rule", "tag-service", "tag-scalable-target"],
            Ids(plan));
    }

    [Fact]
    public void Turning_exec_off_rewrites_the_task_role_and_forces_a_new_deployment()
    {
        var plan = Update(Seed.Properties with { EnableExecuteCommand = false });

        Assert.Equal(["put-task-role-policy", "update-service", "wait-steady-state"], Ids(plan));
        Assert.Contains("forceNewDeployment", Acts(plan)[1].Note, StringComparison.Ordinal);
        Assert.Equal(["put-task-role-policy"], Acts(plan)[1].DependsOn);
    }

    [Fact]
    public void A_role_no_longer_needed_is_deleted_after_the_service_is_steady()
    {
        var plan = Update(Seed.Properties with { ExecutionRoleArn = "arn:aws:iam::123456789012:role/mine" });

        // The role now named is checked first (not another owner's role): every change waits for the check.
        Assert.Equal(["check-execution-role", "register-task-definition", "update-service", "wait-steady-state", "delete-execution-role"], Ids(plan));
        Assert.Equal(["wait-steady-state"], Acts(plan)[4].DependsOn);
        Assert.Equal(ChangeKind.Delete, plan.Changes.Single(change => change.Resource == "execution role").Kind);
    }

    [Fact]
    public void No_change_gives_an_empty_plan()
    {
        var plan = Plan.ForUpdate(Current, Seed.Stack());

        Assert.True(plan.IsEmpty);
        Assert.All(plan.Changes, change => Assert.Equal(ChangeKind.NoChange, change.Kind));
        Assert.Equal(
            "no change: generation 0, physical id arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service\n",
            plan.ToString());
    }

    [Fact]
    public void The_current_generation_is_kept_whatever_generation_the_next_stack_was_derived_at()
    {
        var current = Seed.Stack(generation: 2);
        var plan = Plan.ForUpdate(current, Seed.Stack(Seed.Properties with { DesiredCount = 4 }));

        Assert.Equal(PlanKind.UpdateInPlace, plan.Kind);
        Assert.Equal(2, plan.Stack.Generation);
        Assert.Equal(["update-service", "wait-steady-state"], Ids(plan));
    }

    [Fact]
    public void Container_port_change_rolls_out_in_place_opening_the_new_port_first_and_closing_the_old_one_last()
    {
        var plan = Update(Seed.Properties with { ContainerPort = 9000 });
        Step Named(string id) => plan.Steps.Single(step => step.Id == id);

        Assert.Equal(PlanKind.UpdateInPlace, plan.Kind);
        Assert.Equal(Current.PhysicalResourceId, plan.PhysicalResourceId);
        Assert.Equal(["authorize-ingress", "register-task-definition", "revoke-ingress", "update-service", "wait-steady-state"], Ids(plan).Order(StringComparer.Ordinal));
        Assert.Contains("authorize-ingress", Named("update-service").DependsOn);
        Assert.Contains("register-task-definition", Named("update-service").DependsOn);
        Assert.Equal(["authorize-ingress", "wait-steady-state"], Named("revoke-ingress").DependsOn);
        Assert.Contains(Named("update-service").Changes, change => change.Field == "LoadBalancer" && change.New!.Contains(":9000", StringComparison.Ordinal));

        // The target group keeps the port it was made with: ECS registers the tasks on 9000 and the health check uses the traffic port.
        Assert.Equal(8000, plan.Stack.TargetGroup.Port);
        Assert.Equal(ChangeKind.NoChange, plan.Changes.Single(change => change.Resource == Resources.TargetGroup).Kind);
    }

    [Fact]
    public void Container_port_change_waits_for_the_rollout_before_closing_the_old_port_even_when_the_update_does_not_wait()
    {
        var plan = Update(Seed.Properties with { ContainerPort = 9000, WaitForSteadyState = false });
        var wait = plan.Steps.Single(step => step.Action == StepAction.WaitForSteadyState);

        Assert.Equal(["update-service"], wait.DependsOn);
        Assert.Contains("wait-steady-state", plan.Steps.Single(step => step.Id == "revoke-ingress").DependsOn);
        Assert.Contains("old port", wait.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(Update(Seed.Properties with { DesiredCount = 4, WaitForSteadyState = false }).Steps, step => step.Action == StepAction.WaitForSteadyState);
    }
}
