using FargateApi.Planning;
using FargateApi.Tests.Desired;

namespace FargateApi.Tests.Planning;

public class CreatePlanTests
{
    private static readonly Plan Create = Plan.ForCreate(Seed.Stack());

    private static string[] Wave(Plan plan, int index) => [.. plan.Waves[index].Select(step => step.Id)];

    private static int WaveOf(Plan plan, string id) =>
        plan.Waves.Select((wave, index) => (wave, index)).Single(pair => pair.wave.Any(step => step.Id == id)).index;

    [Fact]
    public void Network_resolution_comes_first_alone()
    {
        Assert.Equal(["resolve-network"], Wave(Create, 0));
    }

    [Fact]
    public void Log_group_roles_security_group_target_group_and_the_listener_check_share_the_second_wave()
    {
        Assert.Equal(
            ["create-log-group", "create-execution-role", "create-task-role", "create-security-group", "create-target-group", "check-listener-rules"],
            Wave(Create, 1));
    }

    [Fact]
    public void What_each_create_needs_next_shares_the_third_wave_and_the_rule_comes_once_the_target_group_is_known_to_be_ours()
    {
        Assert.Equal(
            ["put-retention-policy", "put-execution-role-policy", "put-task-role-policy", "check-target-group", "register-task-definition", "authorize-ingress"],
            Wave(Create, 2));
        Assert.Equal(["modify-target-group-attributes", "create-listener-rule"], Wave(Create, 3));
        Assert.Equal(["check-target-group", "check-listener-rules"], Create.Steps.Single(step => step.Id == "create-listener-rule").DependsOn);
    }

    [Fact]
    public void Each_step_of_the_happy_path_is_one_aws_call()
    {
        // Network read, 2 log group, 4 role, 2 security group, 3 target group, 2 rule, 1 task definition, 1 service, 4 scaling:
        // 20 calls; the wait polls on top.
        Assert.Equal(20, Create.Steps.Count(step => step.Verb != Verb.Wait));
    }

    [Fact]
    public void Listener_rule_is_in_place_before_the_service_is_created()
    {
        var service = Create.Steps.Single(step => step.Id == "create-service");

        Assert.Contains("create-listener-rule", service.DependsOn);
        Assert.True(WaveOf(Create, "create-listener-rule") < WaveOf(Create, "create-service"));
    }

    [Fact]
    public void Task_definition_waits_for_the_roles_it_passes_and_the_service_for_its_log_group_and_policies()
    {
        var register = Create.Steps.Single(step => step.Id == "register-task-definition");
        var service = Create.Steps.Single(step => step.Id == "create-service");

        Assert.Equal(["create-execution-role", "create-task-role"], register.DependsOn);
        Assert.Contains("put-retention-policy", service.DependsOn);
        Assert.Contains("put-execution-role-policy", service.DependsOn);
        Assert.Contains("put-task-role-policy", service.DependsOn);
    }

    [Fact]
    public void Scaling_policies_run_together_after_the_scalable_target_then_the_wait()
    {
        Assert.Equal(["create-service"], Wave(Create, 4));
        Assert.Equal(["register-scalable-target"], Wave(Create, 5));
        Assert.Equal(
            ["put-scaling-policy:myproj-app-api-service-cpu-scaling", "put-scaling-policy:myproj-app-api-service-memory-scaling", "put-scaling-policy:myproj-app-api-service-request-scaling"],
            Wave(Create, 6));
        Assert.Equal(["wait-steady-state"], Wave(Create, 7));
    }

    [Fact]
    public void Depth_is_eight_with_scaling_and_wait_and_five_without()
    {
        var bare = Plan.ForCreate(Seed.Stack(Seed.Properties with { AutoScaling = null, WaitForSteadyState = false }));

        Assert.Equal(8, Create.Depth);
        Assert.Equal(5, bare.Depth);
        Assert.Equal(DependencyGraph.Depth(Create.Steps), Create.Depth);
    }

    [Fact]
    public void Given_role_arns_leave_the_roles_out_of_the_graph()
    {
        var plan = Plan.ForCreate(Seed.Stack(Seed.Properties with { TaskRoleArn = "arn:aws:iam::1:role/t", ExecutionRoleArn = "arn:aws:iam::1:role/e" }));

        Assert.DoesNotContain(plan.Steps, step => step.Action == StepAction.CreateRole);
        // The named roles are checked (not another owner's) alongside the network read, before anything is made.
        Assert.Equal(["resolve-network", "check-execution-role", "check-task-role"], plan.Steps.Single(step => step.Id == "register-task-definition").DependsOn);
        Assert.All(plan.Steps.Where(step => step.Action == StepAction.CheckGivenRole), check => Assert.Empty(check.DependsOn));
    }

    [Fact]
    public void Create_plan_prints_waves()
    {
        Assert.Equal(
            """
            create: generation 0, physical id arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service
              log group, execution role, task role, task definition, security group, target group, listener rule, service, scaling
            steps (8 waves):
              wave 1:
                resolve network arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — SSM parameters for the ids not given (the load balancer is read off the listener ARN)
              wave 2:
                create log group /ecs/myproj/app-api
                create role myproj-app-api-exec-role
                create role myproj-app-api-task-role
                create security group myproj-app-api-ecs-sg
                create target group myproj-app-api-tg
                check listener rules arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — priority 1 is free and no other owner's rule matches the same requests
              wave 3:
                put retention policy /ecs/myproj/app-api — 7 days (CreateLogGroup takes no retention)
                put role policy myproj-app-api-exec-role — its inline policy: CreateRole takes none
                put role policy myproj-app-api-task-role — its inline policy: CreateRole takes none
                check target group owner myproj-app-api-tg — its tags name this resource: CreateTargetGroup answers with an existing group of the same name and settings
                register task definition myproj-app-api-task
                authorize ingress myproj-app-api-ecs-sg: tcp 8000-8000 from sg-0alb — CreateSecurityGroup takes no rules
              wave 4:
                modify target group attributes myproj-app-api-tg — CreateTargetGroup takes no attributes
                create listener rule priority 1 on arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2
              wave 5:
                create service myproj-app-api-service in cluster myproj-cluster
              wave 6:
                register scalable target service/myproj-cluster/myproj-app-api-service (2–10)
              wave 7:
                put scaling policy myproj-app-api-service-cpu-scaling
                put scaling policy myproj-app-api-service-memory-scaling
                put scaling policy myproj-app-api-service-request-scaling
              wave 8:
                wait for steady state myproj-app-api-service — DescribeServices polls: SUCCESS only once the tasks run (WaitForSteadyState)

            """,
            Create.ToString());
    }
}
