using System.Text;
using System.Text.Json;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

public class ResponseBodyTests
{
    private static readonly ResponseTarget Target = new(new Uri("https://bucket.example/response"), Events.StackId, "req-1", Events.LogicalResourceId);

    [Fact]
    public void Small_response_is_written_whole_with_every_protocol_field()
    {
        var response = new CustomResourceResponse(ResponseStatus.Success, null, "acme-api", Target, false, new Dictionary<string, string> { ["Arn"] = "x" });

        var (body, sent) = ResponseBody.Fit(response);

        Assert.Same(response, sent);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("SUCCESS", json.GetProperty("Status").GetString());
        Assert.Equal("acme-api", json.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(Events.StackId, json.GetProperty("StackId").GetString());
        Assert.Equal("req-1", json.GetProperty("RequestId").GetString());
        Assert.Equal(Events.LogicalResourceId, json.GetProperty("LogicalResourceId").GetString());
        Assert.False(json.GetProperty("NoEcho").GetBoolean());
        Assert.Equal("x", json.GetProperty("Data").GetProperty("Arn").GetString());
    }

    [Fact]
    public void Huge_reason_is_cut_to_the_limit_keeping_its_head_and_marking_the_cut()
    {
        var reason = "Cpu: 300 is not allowed. " + new string('x', 10_000);
        var (body, sent) = ResponseBody.Fit(CustomResourceResponse.Failed(Target, "id", reason));

        Assert.InRange(body.Length, ResponseBody.MaxBytes - 8, ResponseBody.MaxBytes);
        var written = JsonDocument.Parse(body).RootElement.GetProperty("Reason").GetString()!;
        Assert.StartsWith("Cpu: 300 is not allowed. xxx", written, StringComparison.Ordinal);
        Assert.EndsWith(ResponseBody.TruncationMark, written, StringComparison.Ordinal);
        Assert.Equal(written, sent.Reason);
    }

    [Fact]
    public void Reason_limit_counts_utf8_bytes_and_json_escapes_not_characters()
    {
        var reason = string.Concat(Enumerable.Repeat("ü\"😀", 3000));
        var (body, _) = ResponseBody.Fit(CustomResourceResponse.Failed(Target, "id", reason));

        Assert.True(body.Length <= ResponseBody.MaxBytes, $"{body.Length} bytes");
        var written = JsonDocument.Parse(body).RootElement.GetProperty("Reason").GetString()!;
        Assert.StartsWith("ü\"😀ü", written, StringComparison.Ordinal);

        // No half of a surrogate pair: the text round-trips through strict UTF-8.
        Assert.Equal(written, new UTF8Encoding(false, true).GetString(new UTF8Encoding(false, true).GetBytes(written)));
    }

    [Fact]
    public void Data_that_cannot_fit_turns_success_into_failed_saying_so()
    {
        var data = Enumerable.Range(0, 100).ToDictionary(i => $"Output{i}", _ => new string('v', 100));
        var response = new CustomResourceResponse(ResponseStatus.Success, null, "acme-api", Target, true, data);

        var (body, sent) = ResponseBody.Fit(response);

        Assert.True(body.Length <= ResponseBody.MaxBytes);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("FAILED", json.GetProperty("Status").GetString());
        Assert.Contains("4096-byte limit", json.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("100 attributes", json.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(json.GetProperty("Data").EnumerateObject());
        Assert.Equal("acme-api", json.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(ResponseStatus.Failed, sent.Status);
    }

    [Fact]
    public void Data_just_under_the_limit_is_sent_whole()
    {
        var response = new CustomResourceResponse(ResponseStatus.Success, null, "acme-api", Target, false, new Dictionary<string, string> { ["Big"] = "" });
        var room = ResponseBody.MaxBytes - ResponseBody.Write(response).Length;
        response = response with { Data = new Dictionary<string, string> { ["Big"] = new string('b', room) } };

        var (body, sent) = ResponseBody.Fit(response);

        Assert.Equal(ResponseBody.MaxBytes, body.Length);
        Assert.Equal(ResponseStatus.Success, sent.Status);
    }
}
