using System.Text;
using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.CloudFormation;

namespace FargateApi.Aws.Tests.Services;

public class CloudFormationClientTests
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private const string StackId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/web/51af3dc0-da77-11e4-872e-1234567db123";

    private readonly RecordingCaller _caller = new();
    private readonly CloudFormationClient _client;

    public CloudFormationClientTests() => _client = new CloudFormationClient(_caller);

    [Fact]
    public async Task Describe_stack_resource_sends_the_stack_and_logical_id_and_reads_the_detail()
    {
        _caller.Answer($"""
            <DescribeStackResourceResponse xmlns="{Ns}"><DescribeStackResourceResult><StackResourceDetail>
              <StackName>web</StackName><StackId>{StackId}</StackId><LogicalResourceId>Api</LogicalResourceId>
              <PhysicalResourceId>fargate-api/web/Api/1</PhysicalResourceId><ResourceType>Custom::FargateApi</ResourceType>
              <LastUpdatedTimestamp>2026-11-28T07:00:12.345Z</LastUpdatedTimestamp><ResourceStatus>UPDATE_IN_PROGRESS</ResourceStatus>
              <Metadata>{"{}"}</Metadata><DriftInformation><StackResourceDriftStatus>NOT_CHECKED</StackResourceDriftStatus></DriftInformation>
            </StackResourceDetail></DescribeStackResourceResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStackResourceResponse>
            """);

        var detail = await _client.DescribeStackResourceAsync(StackId, "Api", CancellationToken.None);

        Assert.Same(AwsServices.CloudFormation, _caller.Calls[0].Service);
        Assert.Equal(["Action=DescribeStackResource", "Version=2010-05-15", $"StackName={StackId}", "LogicalResourceId=Api"], _caller.LastFormLines());
        Assert.Equal(
            new StackResourceDetail("web", StackId, "Api", "fargate-api/web/Api/1", "Custom::FargateApi", CloudFormationValues.UpdateInProgress, null,
                new DateTimeOffset(2026, 11, 28, 7, 0, 12, 345, TimeSpan.Zero)),
            detail);
    }

    [Fact]
    public async Task A_resource_without_a_physical_id_yet_reads_as_null()
    {
        _caller.Answer($"""
            <DescribeStackResourceResponse xmlns="{Ns}"><DescribeStackResourceResult><StackResourceDetail>
              <StackName>web</StackName><StackId>{StackId}</StackId><LogicalResourceId>Api</LogicalResourceId><ResourceType>Custom::FargateApi</ResourceType>
              <LastUpdatedTimestamp>2026-11-28T07:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
            </StackResourceDetail></DescribeStackResourceResult></DescribeStackResourceResponse>
            """);

        var detail = await _client.DescribeStackResourceAsync("web", "Api", CancellationToken.None);

        Assert.Null(detail.PhysicalResourceId);
        Assert.Equal(CloudFormationValues.CreateInProgress, detail.ResourceStatus);
    }

    /// <summary>The body CloudFormation sends for a missing stack, as a boto3 maintainer traced it (boto/boto3#2807).</summary>
    [Fact]
    public void The_missing_stack_error_cloudformation_sends_reads_as_ValidationError()
    {
        var body = Encoding.UTF8.GetBytes($"""
            <ErrorResponse xmlns="{Ns}">
              <Error>
                <Type>Sender</Type>
                <Code>ValidationError</Code>
                <Message>Stack with id foo does not exist</Message>
              </Error>
              <RequestId>b2544024-a0f9-4ae1-ab23-fc08e1ef4e9a</RequestId>
            </ErrorResponse>
            """);

        var error = AwsErrorParser.Parse(AwsServices.CloudFormation, "DescribeStackResource", 400, new Dictionary<string, string>(), body);

        Assert.Equal((AwsErrorCodes.CloudFormationValidationError, "Stack with id foo does not exist", "b2544024-a0f9-4ae1-ab23-fc08e1ef4e9a"), (error.ErrorCode, error.ErrorMessage, error.RequestId));
        Assert.Equal("cloudformation", error.Service);
    }
}
