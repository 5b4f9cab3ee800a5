using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Verification;

namespace FargateApi.Lambda.Tests.Security;

/// <summary>Which events fit what CloudFormation says of the stack resource: every real sequence passes, the forgeries do not.</summary>
public sealed class StackResourceRuleTests
{
    private const string Gen0 = "arn:aws:ecs:us-east-1:123456789012:service/shared/acme-api-service";
    private const string Gen1 = "arn:aws:ecs:us-east-1:123456789012:service/shared/acme-api-service-g1";
    private const string Marker = "fargate-api-create-failed:ApiService:11111111";

    [Theory]
    [InlineData("Create", null, "CREATE_IN_PROGRESS", null)] // Create
    [InlineData("Update", Gen0, "UPDATE_IN_PROGRESS", Gen0)] // Update
    [InlineData("Update", Gen0, "UPDATE_ROLLBACK_IN_PROGRESS", Gen0)] // the rollback Update of a failed stack update
    [InlineData("Delete", Gen0, "DELETE_IN_PROGRESS", Gen0)] // stack delete, or the resource removed from the template
    [InlineData("Delete", Marker, "DELETE_IN_PROGRESS", Marker)] // rollback Delete of a Create answered FAILED
    [InlineData("Delete", "generated-by-cloudformation", "DELETE_IN_PROGRESS", null)] // rollback Delete of a Create never answered
    [InlineData("Delete", Gen0, "UPDATE_COMPLETE", Gen1)] // UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: the old id, the resource shows the new
    [InlineData("Delete", Gen1, "UPDATE_COMPLETE", Gen0)] // UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: the new id, the resource shows the old again
    public void Events_cloudformation_sends_fit(string requestType, string? eventId, string status, string? currentId)
    {
        Assert.Null(StackResourceRule.Refusal(Enum.Parse<RequestType>(requestType), eventId, Resource(status, currentId)));
    }

    [Theory]
    [InlineData("Create", null, "CREATE_COMPLETE", Gen0)] // a second Create over a live resource
    [InlineData("Update", Gen0, "CREATE_COMPLETE", Gen0)] // Update of a settled resource
    [InlineData("Update", Gen0, "UPDATE_IN_PROGRESS", Gen1)] // during a real update, naming another id
    [InlineData("Delete", Gen0, "CREATE_COMPLETE", Gen0)] // Delete of a settled resource
    [InlineData("Delete", Gen0, "UPDATE_COMPLETE", Gen0)] // Delete of a settled, updated resource
    [InlineData("Delete", Gen1, "CREATE_COMPLETE", Gen0)] // "cleanup" of a resource that was never replaced
    [InlineData("Delete", Marker, "UPDATE_COMPLETE", Gen0)] // the failed-create marker would delete generation 0 by the properties
    [InlineData("Delete", "arn:aws:ecs:us-east-1:123456789012:service/other-cluster/acme-api-service", "UPDATE_COMPLETE", Gen0)] // the current name in another cluster
    public void Forged_events_do_not_fit(string requestType, string? eventId, string status, string? currentId)
    {
        Assert.NotNull(StackResourceRule.Refusal(Enum.Parse<RequestType>(requestType), eventId, Resource(status, currentId)));
    }

    [Fact]
    public void A_resource_of_another_type_never_fits()
    {
        var refusal = StackResourceRule.Refusal(RequestType.Delete, Gen0, Resource("DELETE_IN_PROGRESS", Gen0) with { ResourceType = "AWS::S3::Bucket" });

        Assert.Equal("CloudFormation reports stack resource ApiService as a AWS::S3::Bucket, not a Custom::FargateApi.", refusal);
    }

    private static StackResourceDetail Resource(string status, string? physicalId) =>
        new("shop", "arn:aws:cloudformation:us-east-1:123456789012:stack/shop/1", "ApiService", physicalId, "Custom::FargateApi", status, null, DateTimeOffset.UnixEpoch);
}
