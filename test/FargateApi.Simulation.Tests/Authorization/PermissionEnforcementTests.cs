using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;
using FargateApi.Simulation.Authorization;

namespace FargateApi.Simulation.Tests.Authorization;

/// <summary>The simulation with <see cref="SimulationOptions.Permissions"/>: each call checked, denied as its service denies.</summary>
public sealed class PermissionEnforcementTests
{
    private const string Principal = "arn:aws:sts::123456789012:assumed-role/fargate-api-provider/bootstrap";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Without_a_policy_nothing_is_checked()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        await SimStack.CreateAsync(aws, network);

        Assert.Null(aws.Permissions);
        Assert.Empty(aws.AccessChecks);
    }

    [Fact]
    public async Task A_denied_json_call_answers_AccessDeniedException_and_changes_nothing()
    {
        var aws = Enforcing("""{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}""");
        aws.SeedNetwork("proj");

        var error = await Errors.Expect("AccessDeniedException", () => aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None));

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(
            $"User: {Principal} is not authorized to perform: ecs:RegisterTaskDefinition on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/proj-api-task:1 because no identity-based policy allows the ecs:RegisterTaskDefinition action",
            error.ErrorMessage);
        Assert.Empty(aws.Snapshot().LiveBeyondSeed);
        Assert.Equal("AccessDeniedException", aws.Calls.Of("RegisterTaskDefinition").Single().Outcome);
    }

    [Fact]
    public async Task Each_protocol_denies_with_its_own_code()
    {
        var aws = Enforcing("""{"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"}""");
        var network = aws.SeedNetwork("proj");

        var ec2 = await Errors.Expect("UnauthorizedOperation",
            () => aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None));
        var elb = await Errors.Expect("AccessDenied", () => aws.ElasticLoadBalancing.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = network.ListenerArn }, None));
        var iam = await Errors.Expect("AccessDenied", () => aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-task-role", "{}", new Dictionary<string, string>(), "/fargate-api/"), None));

        Assert.StartsWith("You are not authorized to perform this operation. User: ", ec2.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Encoded authorization failure message:", ec2.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(403, ec2.HttpStatus);
        Assert.Equal($"User: {Principal} is not authorized to perform: elasticloadbalancing:DescribeRules because no identity-based policy allows the elasticloadbalancing:DescribeRules action", elb.ErrorMessage);
        Assert.Contains("iam:CreateRole on resource: arn:aws:iam::123456789012:role/fargate-api/proj-api-task-role", iam.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_deny_is_named_as_such()
    {
        var aws = Enforcing(
            """{"Effect": "Allow", "Action": "elasticloadbalancing:*", "Resource": "*"}""",
            """{"Effect": "Deny", "Action": "elasticloadbalancing:DescribeRules", "Resource": "*"}""");
        var network = aws.SeedNetwork("proj");

        var error = await Errors.Expect("AccessDenied", () => aws.ElasticLoadBalancing.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = network.ListenerArn }, None));

        Assert.EndsWith("with an explicit deny in an identity-based policy", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_on_create_need_the_tagging_action_with_the_create_action_key()
    {
        const string CreateGroup = """{"Effect": "Allow", "Action": "elasticloadbalancing:CreateTargetGroup", "Resource": "*"}""";
        var untagged = Enforcing(CreateGroup);
        var tagging = Enforcing(CreateGroup, """
            {"Effect": "Allow", "Action": "elasticloadbalancing:AddTags", "Resource": "*",
             "Condition": {"StringEquals": {"elasticloadbalancing:CreateAction": "CreateTargetGroup"}}}
            """);
        var request = SimStack.TargetGroup("proj-api-tg", untagged.SeedNetwork("proj").VpcId);

        var denied = await Errors.Expect("AccessDenied", () => untagged.ElasticLoadBalancing.CreateTargetGroupAsync(request, None));
        await tagging.ElasticLoadBalancing.CreateTargetGroupAsync(request with { VpcId = tagging.SeedNetwork("proj").VpcId }, None);

        Assert.Contains("elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/proj-api-tg/*", denied.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(untagged.Snapshot().LiveBeyondSeed);

        // Tagging an existing group is not tag-on-create: the CreateAction key is absent and the same statement denies it.
        var group = tagging.Snapshot().LiveBeyondSeed.Single().Id;
        await Errors.Expect("AccessDenied", () => tagging.ElasticLoadBalancing.AddTagsAsync([group], new Dictionary<string, string> { ["team"] = "a" }, None));
    }

    [Fact]
    public async Task A_task_definition_passes_its_roles_only_with_PassRole_to_ecs_tasks()
    {
        const string Register = """{"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"}""";
        var toEc2 = Enforcing(Register, """
            {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/fargate-api/*",
             "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}
            """);
        var toTasks = Enforcing(Register, """
            {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/fargate-api/*",
             "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
            """);

        var denied = await Errors.Expect("AccessDeniedException", () => toEc2.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None));
        await toTasks.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None);

        Assert.Contains("iam:PassRole on resource: arn:aws:iam::123456789012:role/fargate-api/exec", denied.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(toTasks.AccessChecks, check => check is { Action: "iam:PassRole", Effect: AccessEffect.Allowed, Operation: "RegisterTaskDefinition" });
    }

    [Fact]
    public async Task Scaling_validates_the_ecs_and_cloudwatch_actions_and_answers_a_ValidationException()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        var resourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName);
        var noCloudWatch = EnforcingOver(aws,
            """{"Effect": "Allow", "Action": ["application-autoscaling:*", "ecs:DescribeServices", "ecs:UpdateService", "iam:CreateServiceLinkedRole"], "Resource": "*"}""");

        var error = await Errors.Expect("ValidationException",
            () => noCloudWatch.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 2 }, None));

        Assert.Equal("User is missing the following permissions: cloudwatch:DescribeAlarms, cloudwatch:PutMetricAlarm, cloudwatch:DeleteAlarms", error.ErrorMessage);
        Assert.Empty((await noCloudWatch.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
    }

    [Fact]
    public async Task The_first_ecs_scalable_target_needs_CreateServiceLinkedRole_and_later_ones_do_not()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var first = await SimStack.CreateAsync(aws, network, "one", 10);
        var second = await SimStack.CreateAsync(aws, network, "two", 11);
        const string Scaling = """{"Effect": "Allow", "Action": ["application-autoscaling:*", "ecs:DescribeServices", "ecs:UpdateService", "cloudwatch:*Alarm*"], "Resource": "*"}""";
        const string LinkedRole = """
            {"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
             "Condition": {"StringEquals": {"iam:AWSServiceName": "ecs.application-autoscaling.amazonaws.com"}}}
            """;
        var withoutRole = EnforcingOver(aws, Scaling);
        var register = (SimStack stack) => new RegisterScalableTargetRequest
        {
            ResourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName),
            MinCapacity = 1,
            MaxCapacity = 2,
        };

        var denied = await Errors.Expect("AccessDeniedException", () => withoutRole.ApplicationAutoScaling.RegisterScalableTargetAsync(register(first), None));
        Assert.Contains("iam:CreateServiceLinkedRole on resource: arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService", denied.ErrorMessage, StringComparison.Ordinal);

        var withRole = EnforcingOver(aws, Scaling, LinkedRole);
        await withRole.ApplicationAutoScaling.RegisterScalableTargetAsync(register(first), None);
        await withRole.ApplicationAutoScaling.RegisterScalableTargetAsync(register(second), None);

        // Asked on the denied first call and the first allowed one; the role exists for the second target.
        Assert.Equal(
            [AccessEffect.ImplicitlyDenied, AccessEffect.Allowed],
            withRole.AccessChecks.Where(check => check.Action == "iam:CreateServiceLinkedRole").Select(check => check.Effect));
    }

    [Fact]
    public async Task Under_enforcement_a_call_that_declares_no_access_is_a_simulation_bug()
    {
        var aws = Enforcing("""{"Effect": "Allow", "Action": "*", "Resource": "*"}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => aws.Gate.RunAsync("ecs", "RunTask", "-", () => true, None));

        Assert.Contains("declares no IAM access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallerIdentity_needs_no_permission()
    {
        var aws = Enforcing("""{"Effect": "Deny", "Action": "*", "Resource": "*"}""");

        var identity = await aws.Sts.GetCallerIdentityAsync(None);

        Assert.Equal(Principal, identity.Arn);
    }

    [Fact]
    public async Task Changes_to_a_resource_are_checked_against_its_current_tags()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var ours = await SimStack.CreateAsync(aws, network, "ours", 10);
        var theirs = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("other-sg", "not ours", network.VpcId, new Dictionary<string, string>()), None);
        await aws.Ec2.CreateTagsAsync([ours.SecurityGroupId], new Dictionary<string, string> { ["fargate-api:managed-by"] = "fargate-api" }, None);
        var owned = EnforcingOver(aws, """
            {"Effect": "Allow", "Action": "ec2:DeleteSecurityGroup", "Resource": "*",
             "Condition": {"StringEquals": {"aws:ResourceTag/fargate-api:managed-by": "fargate-api"}}}
            """);

        await Errors.Expect("UnauthorizedOperation", () => owned.Ec2.DeleteSecurityGroupAsync(theirs, None));

        var check = owned.AccessChecks.Single();
        Assert.Equal(($"arn:aws:ec2:us-east-1:123456789012:security-group/{theirs}", AccessEffect.ImplicitlyDenied), (check.Resource, check.Effect));
    }

    private static SimulatedAws Enforcing(params string[] statements) =>
        new(new SimulationOptions { Permissions = Policy(statements) });

    /// <summary>The state made so far without checks; the policy applies from the next call on.</summary>
    private static SimulatedAws EnforcingOver(SimulatedAws aws, params string[] statements)
    {
        aws.Permissions = Policy(statements);
        return aws;
    }

    private static IamPolicy Policy(string[] statements) =>
        IamPolicy.Parse($$"""{"Version": "2012-10-17", "Statement": [{{string.Join(',', statements)}}]}""");
}
