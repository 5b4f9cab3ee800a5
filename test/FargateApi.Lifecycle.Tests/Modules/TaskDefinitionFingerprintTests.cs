using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Resources.TaskDefinitions;

namespace FargateApi.Lifecycle.Tests.Modules;

/// <summary>
/// A registered revision is reused only when it is what the request would register: the comparison is read off the
/// request's own shape, so whatever the request sends is compared.
/// </summary>
public sealed class TaskDefinitionFingerprintTests
{
    private static readonly ResolvedNetwork Network = new("vpc-1", ValueList.Of("subnet-1"), "cluster", "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/alb/50dc6c495c0c9188/f2f7dc8efc522ab2", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188", "sg-alb");

    private static DesiredTaskDefinition Desired(ServiceProperties properties) =>
        DesiredStack.From(properties, Network, new AwsEnvironment("aws", "us-east-1", "123456789012"), new Ownership("stack", "AppApi"), 0).TaskDefinition;

    [Fact]
    public async Task A_revision_registered_from_the_request_matches_it()
    {
        var h = new Harness();
        var request = TaskDefinitionRequest.From(Desired(Props.Seed));

        var registered = await h.Apis.Ecs.RegisterTaskDefinitionAsync(request, CancellationToken.None);

        Assert.Equal(TaskDefinitionFingerprint.Of(request), TaskDefinitionFingerprint.Of(registered));
    }

    [Fact]
    public async Task A_member_the_mapping_starts_sending_is_compared_without_touching_the_fingerprint()
    {
        var h = new Harness();
        var request = TaskDefinitionRequest.From(Desired(Props.Seed));
        var registered = await h.Apis.Ecs.RegisterTaskDefinitionAsync(request, CancellationToken.None);

        // The mapping gains a field it did not send before (the platform) and one inside the container (a new port).
        var withPlatform = request with { RuntimePlatform = new EcsRuntimePlatform("ARM64", "LINUX") };
        var container = request.ContainerDefinitions[0];
        var withPort = request with { ContainerDefinitions = [container with { PortMappings = [.. container.PortMappings!, new EcsPortMapping(9000)] }] };

        Assert.NotEqual(TaskDefinitionFingerprint.Of(withPlatform), TaskDefinitionFingerprint.Of(registered));
        Assert.NotEqual(TaskDefinitionFingerprint.Of(withPort), TaskDefinitionFingerprint.Of(registered));
    }

    [Fact]
    public void Environment_and_secrets_compare_by_name_not_by_order()
    {
        var request = TaskDefinitionRequest.From(Desired(Props.Seed with
        {
            EnvironmentVariables = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" },
        }));
        var container = request.ContainerDefinitions[0];
        var reordered = request with { ContainerDefinitions = [container with { Environment = [.. container.Environment!.Reverse()] }] };

        Assert.Equal(TaskDefinitionFingerprint.Of(request), TaskDefinitionFingerprint.Of(reordered));
    }

    public static TheoryData<string> Variations => new() { "image", "cpu", "memory", "variable", "secret", "health", "port", "task role", "execution role", "tags", "log retention" };

    /// <summary>The plan's fields and the request tell the same story: a revision is planned exactly when the request changes.</summary>
    [Theory]
    [MemberData(nameof(Variations))]
    public void A_change_shows_in_the_plan_fields_exactly_when_it_changes_the_request(string variation)
    {
        var changed = variation switch
        {
            "image" => Props.Seed.WithImageTag("v2"),
            "cpu" => Props.Seed with { Cpu = 1024, Memory = 2048 },
            "memory" => Props.Seed with { Memory = 2048 },
            "variable" => Props.Seed with { EnvironmentVariables = new Dictionary<string, string> { ["LOG_LEVEL"] = "debug" } },
            "secret" => Props.Seed with { Secrets = new Dictionary<string, string> { ["DB"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" } },
            "health" => Props.Seed with { HealthCheck = Props.Seed.HealthCheck with { Retries = 5 } },
            "port" => Props.Seed with { ContainerPort = 9000 },
            "task role" => Props.Seed with { TaskRoleArn = "arn:aws:iam::123456789012:role/mine" },
            "execution role" => Props.Seed with { ExecutionRoleArn = "arn:aws:iam::123456789012:role/exec" },
            "tags" => Props.Seed with { Tags = new Dictionary<string, string> { ["team"] = "core" } },
            "log retention" => Props.Seed with { LogRetentionDays = 30 },
            _ => throw new ArgumentOutOfRangeException(nameof(variation)),
        };
        var before = Desired(Props.Seed);
        var after = Desired(changed);

        var fieldsMoved = FieldDiff.Between(before.Fields(), after.Fields()).Any(change => !change.Field.StartsWith(Field.TagPrefix, StringComparison.Ordinal));
        var requestMoved = TaskDefinitionFingerprint.Of(TaskDefinitionRequest.From(before)) != TaskDefinitionFingerprint.Of(TaskDefinitionRequest.From(after));

        Assert.Equal(requestMoved, fieldsMoved);
    }
}
