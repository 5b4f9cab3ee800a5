using System.Text;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Aws.Services.Ssm;
using FargateApi.Aws.Services.Sts;

namespace FargateApi.Aws.Tests.Services;

public class SmallClientsTests
{
    private readonly RecordingCaller _caller = new();

    [Fact]
    public async Task Get_parameters_sends_names_and_reads_values_and_invalid_names()
    {
        _caller.Answer("""{"Parameters":[{"Name":"/p/network/vpc-id","Type":"String","Value":"vpc-1","Version":3,"ARN":"arn:aws:ssm:eu-west-1:1:parameter/p/network/vpc-id","DataType":"text","LastModifiedDate":1700000000.1}],"InvalidParameters":["/p/network/missing"]}""");

        var result = await new SsmClient(_caller).GetParametersAsync(["/p/network/vpc-id", "/p/network/missing"], CancellationToken.None);

        Assert.Equal("AmazonSSM.GetParameters", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"Names":["/p/network/vpc-id","/p/network/missing"]}""", _caller.LastJson());
        Assert.Equal(("vpc-1", "String"), (Assert.Single(result.Parameters).Value, result.Parameters[0].Type));
        Assert.Equal(["/p/network/missing"], result.InvalidParameters);
    }

    [Fact]
    public async Task Get_parameters_refuses_more_than_ten_names()
    {
        var names = Enumerable.Range(0, SsmClient.MaxNamesPerGetParameters + 1).Select(i => $"/p/{i}").ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => new SsmClient(_caller).GetParametersAsync(names, CancellationToken.None));
        Assert.Empty(_caller.Calls);
    }

    [Fact]
    public async Task Invoke_event_encodes_the_function_arn_in_the_path_and_sends_the_payload()
    {
        var payload = Encoding.UTF8.GetBytes("""{"continue":true}""");

        await new LambdaClient(_caller).InvokeEventAsync("arn:aws:lambda:eu-west-1:1:function:provider", payload, CancellationToken.None);

        var request = _caller.Last;
        Assert.Same(AwsServices.Lambda, _caller.Calls[0].Service);
        Assert.Equal(("Invoke", HttpMethod.Post), (request.Operation, request.Method));
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A1%3Afunction%3Aprovider/invocations", request.PathAndQuery);
        Assert.Equal("Event", request.Headers["X-Amz-Invocation-Type"]);
        Assert.Equal(payload, request.Body);
    }

    [Fact]
    public async Task Invoke_event_answered_other_than_202_is_reported()
    {
        _caller.Answer("{}", statusCode: 200);

        await Assert.ThrowsAsync<InvalidDataException>(() => new LambdaClient(_caller).InvokeEventAsync("f", Array.Empty<byte>(), CancellationToken.None));
    }

    [Fact]
    public async Task Caller_identity_gives_the_account_and_the_partition_of_the_arn()
    {
        _caller.Answer("""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws-cn:sts::123456789012:assumed-role/provider/fn</Arn><UserId>AROA:fn</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>""");

        var identity = await new StsClient(_caller).GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(["Action=GetCallerIdentity", "Version=2011-06-15"], _caller.LastFormLines());
        Assert.Equal(new CallerIdentity("123456789012", "arn:aws-cn:sts::123456789012:assumed-role/provider/fn", "AROA:fn", "aws-cn"), identity);
    }

    [Theory]
    [InlineData("not-an-arn")]
    [InlineData("arn::sts::1:x")]
    public void Partition_of_something_that_is_not_an_arn_is_refused(string arn)
        => Assert.Throws<InvalidDataException>(() => StsClient.PartitionOf(arn));
}
