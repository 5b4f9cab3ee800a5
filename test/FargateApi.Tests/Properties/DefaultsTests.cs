using System.Text.Json.Nodes;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

public sealed class DefaultsTests
{
    [Fact]
    public void Minimal_properties_get_the_seed_defaults()
    {
        var p = Valid(Read(Minimal()));

        Assert.Equal("myproj", p.ProjectPrefix);
        Assert.Equal("app-api", p.ServiceName);
        Assert.Equal("dev", p.Environment);
        Assert.Equal(512, p.Cpu);
        Assert.Equal(1024, p.Memory);
        Assert.Equal(new ContainerImage(null, "myproj/app-api", "latest"), p.Image);
        Assert.Equal(8000, p.ContainerPort);
        Assert.Empty(p.EnvironmentVariables);
        Assert.Empty(p.Secrets);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], p.HealthCheck.Command);
        Assert.Equal((30, 5, 3, 60), (p.HealthCheck.IntervalSeconds, p.HealthCheck.TimeoutSeconds, p.HealthCheck.Retries, p.HealthCheck.StartPeriodSeconds));
        Assert.Equal(7, p.LogRetentionDays);
        Assert.Equal(RemovalPolicy.Destroy, p.LogRemovalPolicy);
        Assert.Equal(new NetworkProperties("/myproj/network", null, null, null, null, null), p.Network);
        Assert.Equal(1, p.DesiredCount);
        Assert.Equal(new DeploymentProperties(100, 200, true, 60), p.Deployment);
        Assert.True(p.EnableExecuteCommand);
        Assert.Equal(new TargetHealthCheck("/health", 30, 5, 2, 3, "200"), p.TargetHealthCheck);
        Assert.Equal(30, p.DeregistrationDelaySeconds);
        Assert.Equal(["/api/*"], p.PathPatterns);
        Assert.Empty(p.HostHeaders);
        Assert.Equal(1, p.Priority);
        Assert.Null(p.AutoScaling);
        Assert.Empty(p.Grants.DynamoDbTables);
        Assert.Empty(p.Grants.S3Buckets);
        Assert.Empty(p.Grants.SecretArns);
        Assert.Null(p.TaskRoleArn);
        Assert.Null(p.ExecutionRoleArn);
        Assert.Empty(p.Tags);
        Assert.True(p.WaitForSteadyState);
        Assert.Equal(3600, p.ServiceTimeoutSeconds);
    }

    [Fact]
    public void Seed_example_reads_to_the_seed_values()
    {
        var p = Valid(Read(Seed()));

        Assert.Equal((512, 1024, 8000, 1, 1), (p.Cpu, p.Memory, p.ContainerPort, p.DesiredCount, p.Priority));
        Assert.Equal(new AutoScalingProperties(1, 4, 70, 80, 1000, 60, 60), p.AutoScaling);
        Assert.Equal(3, p.Grants.DynamoDbTables.Count);
        Assert.Equal("http://inference-api.myproj.local:8001", p.EnvironmentVariables["INFERENCE_API_URL"]);
        Assert.Equal("platform", p.Tags["Team"]);
    }

    [Fact]
    public void Prod_turns_execute_command_off_by_default_but_not_when_given()
    {
        Assert.False(Valid(Read(Minimal().With("Environment", "prod"))).EnableExecuteCommand);
        Assert.True(Valid(Read(Minimal().With("Environment", "staging"))).EnableExecuteCommand);
        Assert.True(Valid(Read(Minimal().With("Environment", "prod").With("EnableExecuteCommand", "true"))).EnableExecuteCommand);
    }

    [Fact]
    public void Empty_auto_scaling_fills_capacities_from_desired_count()
    {
        var p = Valid(Read(Minimal().With("DesiredCount", "3").With("AutoScaling", new JsonObject())));

        Assert.Equal(new AutoScalingProperties(3, 12, 70, 80, 1000, 60, 60), p.AutoScaling);
    }

    [Fact]
    public void One_auto_scaling_member_defaults_the_others()
    {
        var p = Valid(Read(Minimal().With("DesiredCount", "2").With("AutoScaling.MaxCapacity", "5")));

        Assert.Equal(new AutoScalingProperties(2, 5, 70, 80, 1000, 60, 60), p.AutoScaling);
    }

    [Fact]
    public void Zero_desired_count_still_scales_to_at_least_one_task()
    {
        var p = Valid(Read(Minimal().With("DesiredCount", "0").With("AutoScaling", new JsonObject())));

        Assert.Equal((0, 1), (p.AutoScaling!.MinCapacity, p.AutoScaling.MaxCapacity));
    }

    [Fact]
    public void Memory_defaults_to_twice_the_cpu_so_that_every_cpu_alone_is_valid()
    {
        foreach (var cpu in FargateSizes.CpuValues)
        {
            var p = Valid(Read(Minimal().With("Cpu", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(cpu * 2, p.Memory);
        }
    }

    [Fact]
    public void Health_check_command_default_follows_the_container_port()
    {
        var p = Valid(Read(Minimal().With("ContainerPort", "3000")));

        Assert.Equal("curl -f http://localhost:3000/health || exit 1", p.HealthCheck.Command[1]);
    }

    [Fact]
    public void Network_parameter_prefix_follows_the_project_prefix_and_given_ids_are_kept()
    {
        var p = Valid(Read(Minimal()
            .With("ProjectPrefix", "shop")
            .With("Network.VpcId", "vpc-0123456789abcdef0")
            .WithJson("Network.SubnetIds", """["subnet-0123456789abcdef0", "subnet-89abcdef"]""")));

        Assert.Equal("/shop/network", p.Network.ParameterPrefix);
        Assert.Equal("vpc-0123456789abcdef0", p.Network.VpcId);
        Assert.Equal(["subnet-0123456789abcdef0", "subnet-89abcdef"], p.Network.SubnetIds);
        Assert.Null(p.Network.ClusterName);
    }

    [Fact]
    public void Full_image_uri_replaces_the_ecr_default()
    {
        var p = Valid(Read(Minimal().With("Image", "public.ecr.aws/nginx/nginx:1.27")));

        Assert.Equal(new ContainerImage("public.ecr.aws/nginx/nginx:1.27", "public.ecr.aws/nginx/nginx", "1.27"), p.Image);
    }

    [Fact]
    public void Service_token_and_timeout_are_accepted_and_the_timeout_kept()
    {
        var p = Valid(Read(Minimal().With("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:x").With("ServiceTimeout", "300")));

        Assert.Equal(300, p.ServiceTimeoutSeconds);
    }

    [Fact]
    public void Retain_removal_policy_is_read()
    {
        Assert.Equal(RemovalPolicy.Retain, Valid(Read(Minimal().With("LogRemovalPolicy", "Retain"))).LogRemovalPolicy);
    }
}
