using FargateApi.Aws.Services.CloudFormation;

namespace FargateApi.Simulation.Tests;

/// <summary>DescribeStackResource over the stacks a test declares, answering and failing as CloudFormation does.</summary>
public sealed class CloudFormationTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string CustomType = "Custom::FargateApi";

    [Fact]
    public async Task A_declared_resource_is_described_by_stack_name_and_by_stack_id()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock });
        var stackId = aws.DeclareStack("web");
        aws.DeclareStackResource("web", "Api", CustomType, CloudFormationValues.CreateInProgress);

        var byName = await aws.CloudFormation.DescribeStackResourceAsync("web", "Api", None);
        var byId = await aws.CloudFormation.DescribeStackResourceAsync(stackId, "Api", None);

        Assert.Matches("^arn:aws:cloudformation:us-east-1:123456789012:stack/web/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", stackId);
        Assert.Equal(new StackResourceDetail("web", stackId, "Api", null, CustomType, CloudFormationValues.CreateInProgress, null, clock.GetUtcNow()), byName);
        Assert.Equal(byName, byId);
    }

    [Fact]
    public async Task Status_changes_show_and_a_physical_id_changes_only_when_given()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock });
        aws.DeclareStack("web");
        aws.DeclareStackResource("web", "Api", CustomType, CloudFormationValues.CreateInProgress, "fargate-api/web/Api/1");
        aws.SetStackResourceStatus("web", "Api", "CREATE_COMPLETE");
        clock.Advance(TimeSpan.FromMinutes(5));

        aws.SetStackResourceStatus("web", "Api", CloudFormationValues.UpdateInProgress, reason: "Requested update");
        var updating = await aws.CloudFormation.DescribeStackResourceAsync("web", "Api", None);
        aws.SetStackResourceStatus("web", "Api", "UPDATE_COMPLETE", physicalResourceId: "fargate-api/web/Api/2");
        var replaced = await aws.CloudFormation.DescribeStackResourceAsync("web", "Api", None);

        Assert.Equal((CloudFormationValues.UpdateInProgress, "fargate-api/web/Api/1", "Requested update"), (updating.ResourceStatus, updating.PhysicalResourceId, updating.ResourceStatusReason));
        Assert.Equal(clock.GetUtcNow(), updating.LastUpdatedTimestamp);
        Assert.Equal(("UPDATE_COMPLETE", "fargate-api/web/Api/2"), (replaced.ResourceStatus, replaced.PhysicalResourceId));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("arn:aws:cloudformation:us-east-1:123456789012:stack/web/00000000-0000-0000-0000-000000000000")]
    public async Task A_missing_stack_is_a_ValidationError_naming_the_stack_as_asked(string stackName)
    {
        var aws = new SimulatedAws();
        aws.DeclareStack("web");

        var error = await Errors.Expect("ValidationError", () => aws.CloudFormation.DescribeStackResourceAsync(stackName, "Api", None));

        Assert.Equal($"Stack with id {stackName} does not exist", error.ErrorMessage);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public async Task A_missing_logical_id_is_a_ValidationError_naming_resource_and_stack()
    {
        var aws = new SimulatedAws();
        aws.DeclareStack("web");
        aws.DeclareStackResource("web", "Api", CustomType, CloudFormationValues.CreateInProgress);

        var error = await Errors.Expect("ValidationError", () => aws.CloudFormation.DescribeStackResourceAsync("web", "api", None));

        Assert.Equal("Resource api does not exist for stack web", error.ErrorMessage);
    }

    [Fact]
    public async Task A_deleted_stack_is_found_only_by_its_id_and_its_name_can_be_taken_again()
    {
        var aws = new SimulatedAws();
        var oldId = aws.DeclareStack("web");
        aws.DeclareStackResource("web", "Api", CustomType, CloudFormationValues.DeleteInProgress, "fargate-api/web/Api/1");

        aws.DeleteStack("web");
        var byName = await Errors.Expect("ValidationError", () => aws.CloudFormation.DescribeStackResourceAsync("web", "Api", None));
        var gone = await aws.CloudFormation.DescribeStackResourceAsync(oldId, "Api", None);
        var newId = aws.DeclareStack("web");
        aws.DeclareStackResource("web", "Api", CustomType, CloudFormationValues.CreateInProgress);
        var fresh = await aws.CloudFormation.DescribeStackResourceAsync("web", "Api", None);

        Assert.Equal("Stack with id web does not exist", byName.ErrorMessage);
        Assert.Equal(("DELETE_COMPLETE", "fargate-api/web/Api/1"), (gone.ResourceStatus, gone.PhysicalResourceId));
        Assert.NotEqual(oldId, newId);
        Assert.Equal((newId, CloudFormationValues.CreateInProgress), (fresh.StackId, fresh.ResourceStatus));
        Assert.Equal("DELETE_COMPLETE", (await aws.CloudFormation.DescribeStackResourceAsync(oldId, "Api", None)).ResourceStatus);
    }

    [Fact]
    public void Declarations_a_stack_could_not_have_are_refused_naming_the_parameter()
    {
        var aws = new SimulatedAws();
        aws.DeclareStack("web");

        var status = Assert.Throws<ArgumentException>(() => aws.DeclareStackResource("web", "Api", CustomType, "IN_PROGRESS"));
        var undeclared = Assert.Throws<ArgumentException>(() => aws.DeclareStackResource("api", "Api", CustomType, CloudFormationValues.CreateInProgress));
        var live = Assert.Throws<ArgumentException>(() => aws.DeclareStack("web"));
        var unknownResource = Assert.Throws<ArgumentException>(() => aws.SetStackResourceStatus("web", "Api", "CREATE_COMPLETE"));

        Assert.Equal("resourceStatus", status.ParamName);
        Assert.Contains("allowed: CREATE_IN_PROGRESS, CREATE_FAILED, CREATE_COMPLETE,", status.Message, StringComparison.Ordinal);
        Assert.Equal(("stack", "stackName", "logicalResourceId"), (undeclared.ParamName, live.ParamName, unknownResource.ParamName));
    }
}
