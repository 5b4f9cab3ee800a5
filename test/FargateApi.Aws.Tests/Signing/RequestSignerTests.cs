using System.Text;
using FargateApi.Aws.Credentials;
using FargateApi.Aws.Signing;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Signing;

/// <summary>The clock-driven signer reproduces suite vectors when its clock is set to the suite's date.</summary>
public sealed class RequestSignerTests
{
    private static readonly Uri Example = new("https://example.amazonaws.com/");

    [Fact]
    public void Injected_clock_sets_the_date_header_and_scope_of_get_vanilla()
    {
        var signer = new RequestSigner(new FixedTimeProvider(SigV4SuiteTests.SuiteTime));

        SignedRequest signed = signer.Sign("GET", Example, [], [], SigV4SuiteTests.SuiteCredentials, "us-east-1", "service");

        Assert.Equal([new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], signed.SignedHeaders);
        Assert.Equal(ReadExpected("get-vanilla"), signed.Signature.Authorization);
    }

    [Fact]
    public void Session_token_is_added_before_signing_as_in_post_sts_header_before()
    {
        const string Token = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
        var signer = new RequestSigner(new FixedTimeProvider(SigV4SuiteTests.SuiteTime));
        AwsCredentials session = SigV4SuiteTests.SuiteCredentials with { SessionToken = Token };

        SignedRequest signed = signer.Sign("POST", Example, [], [], session, "us-east-1", "service");

        Assert.Contains(new KeyValuePair<string, string>("X-Amz-Security-Token", Token), signed.SignedHeaders);
        Assert.Equal(ReadExpected("post-sts-token/post-sts-header-before"), signed.Signature.Authorization);
    }

    [Fact]
    public void Body_hash_covers_the_payload_as_in_post_x_www_form_urlencoded()
    {
        var signer = new RequestSigner(new FixedTimeProvider(SigV4SuiteTests.SuiteTime));

        SignedRequest signed = signer.Sign(
            "POST", Example, [new("Content-Type", "application/x-www-form-urlencoded")], "Param1=value1"u8,
            SigV4SuiteTests.SuiteCredentials, "us-east-1", "service");

        Assert.Equal(ReadExpected("post-x-www-form-urlencoded"), signed.Signature.Authorization);
    }

    [Fact]
    public void Later_clock_changes_the_signature()
    {
        var clock = new FixedTimeProvider(SigV4SuiteTests.SuiteTime);
        var signer = new RequestSigner(clock);
        string first = signer.Sign("GET", Example, [], [], SigV4SuiteTests.SuiteCredentials, "us-east-1", "service").Signature.Signature;

        clock.Now = clock.Now.AddSeconds(1);
        string second = signer.Sign("GET", Example, [], [], SigV4SuiteTests.SuiteCredentials, "us-east-1", "service").Signature.Signature;

        Assert.NotEqual(first, second);
    }

    private static string ReadExpected(string vector)
    {
        string name = Path.GetFileName(vector);
        return File.ReadAllText(Path.Combine(SigV4SuiteTests.RequireSuite(), vector, name + ".authz"), Encoding.UTF8);
    }
}
