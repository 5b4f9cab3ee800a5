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
    public void Log_group_roles_security_group_and_target_group_share_the_second_wave()
    {
        Assert.Equal(
            ["create-log-group", "create-execution-role", "create-task-role", "create-security-group", "create-target-group"],
            Wave(Create, 1));
    }

    [Fact]
    public void Task_definition_rule_and_ingress_share_the_third_wave()
    {
        Assert.Equal(["register-task-definition", "create-listener-rule", "authorize-ingress"], Wave(Create, 2));
    }

    [Fact]
    public void Listener_rule_is_in_place_before_the_service_is_created()
    {
        var service = Create.Steps.Single(step => step.Id == "create-service");

        Assert.Contains("create-listener-rule", service.DependsOn);
        Assert.True(WaveOf(Create, "create-listener-rule") < WaveOf(Create, "create-service"));
    }

    [Fact]
    public void Task_definition_waits_for_the_roles_and_the_log_group()
    {
        var register = Create.Steps.Single(step => step.Id == "register-task-definition");

        Assert.Equal(["create-log-group", "create-execution-role", "create-task-role"], register.DependsOn);
    }

    [Fact]
    public void Scaling_policies_run_together_after_the_scalable_target_then_the_wait()
    {
        Assert.Equal(["create-service"], Wave(Create, 3));
        Assert.Equal(["register-scalable-target"], Wave(Create, 4));
        Assert.Equal(
            ["put-scaling-policy:myproj-app-api-service-cpu-scaling", "put-scaling-policy:myproj-app-api-service-memory-scaling", "put-scaling-policy:myproj-app-api-service-request-scaling"],
            Wave(Create, 5));
        Assert.Equal(["wait-steady-state"], Wave(Create, 6));
    }

    [Fact]
    public void Depth_is_seven_with_scaling_and_wait_and_four_without()
    {
        var bare = Plan.ForCreate(Seed.Stack(Seed.Properties with { AutoScaling = null, WaitForSteadyState = false }));

        Assert.Equal(7, Create.Depth);
        Assert.Equal(4, bare.Depth);
        Assert.Equal(DependencyGraph.Depth(Create.Steps), Create.Depth);
    }

    [Fact]
    public void Given_role_arns_leave_the_roles_out_of_the_graph()
    {
        var plan = Plan.ForCreate(Seed.Stack(Seed.Properties with { TaskRoleArn = "arn:aws:iam::1:role/t", ExecutionRoleArn = "arn:aws:iam::1:role/e" }));

        Assert.DoesNotContain(plan.Steps, step => step.Action == StepAction.CreateRole);
        Assert.Equal(["create-log-group"], plan.Steps.Single(step => step.Id == "register-task-definition").DependsOn);
    }

    [Fact]
    public void Create_plan_prints_waves()
    {
        Assert.Equal(
            """
            create: generation 0, physical id arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service
              log group, execution role, task role, task definition, security group, target group, listener rule, service, scaling
            steps (7 waves):
              wave 1:
                resolve network arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2 — SSM parameters for the ids not given; the listener's load balancer
              wave 2:
                create log group /ecs/myproj/app-api — retention 7 days
                create role myproj-app-api-exec-role
                create role myproj-app-api-task-role
                create security group myproj-app-api-ecs-sg
                create target group myproj-app-api-tg
              wave 3:
                register task definition myproj-app-api-task
                create listener rule priority 1 on arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2
                authorize ingress myproj-app-api-ecs-sg: tcp 8000-8000 from sg-0alb
              wave 4:
                create service myproj-app-api-service in cluster myproj-cluster
              wave 5:
                register scalable target service/myproj-cluster/myproj-app-api-service (2–10)
              wave 6:
                put scaling policy myproj-app-api-service-cpu-scaling
                put scaling policy myproj-app-api-service-memory-scaling
                put scaling policy myproj-app-api-service-request-scaling
              wave 7:
                wait for steady state myproj-app-api-service

            """,
            Create.ToString());
    }
}
