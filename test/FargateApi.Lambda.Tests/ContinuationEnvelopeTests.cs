using System.Text;
using FargateApi.Lambda.Continuation;

namespace FargateApi.Lambda.Tests;

/// <summary>The payload that carries a continuation: the event inside it is the original, byte for byte.</summary>
public class ContinuationEnvelopeTests
{
    private const string OriginalEvent = "{ \"RequestType\" : \"Create\", \"ResourceProperties\": {\"Cpu\":\"512\",\"Note\":\"caf\\u00e9 \\\"q\\\"\"} }";

    [Fact]
    public void Written_envelope_reads_back_the_continuation_and_the_event_verbatim()
    {
        var continuation = ResumableFakeLifecycle.Continuation(3);

        var read = ContinuationEnvelope.TryRead(SignedEnvelope.Write(continuation, Encoding.UTF8.GetBytes(OriginalEvent), "lambda-request-7"));

        Assert.NotNull(read);
        Assert.Null(read.Problem);
        Assert.Equal(continuation, read.Continuation);
        Assert.Equal("lambda-request-7", read.HandedOffBy);
        Assert.Equal(OriginalEvent, Encoding.UTF8.GetString(read.Event.Span));
    }

    [Theory]
    [InlineData("{\"RequestType\":\"Create\"}")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Ordinary_or_broken_payloads_are_not_envelopes(string payload)
    {
        Assert.Null(ContinuationEnvelope.TryRead(Encoding.UTF8.GetBytes(payload)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"operation\":\"Create\",\"deadline\":\"2026-01-01T00:00:00Z\"}")]
    [InlineData("\"text\"")]
    public void Continuation_without_its_essentials_is_a_problem_not_an_exception(string continuationJson)
    {
        var payload = $"{{\"{ContinuationEnvelope.ContinuationProperty}\":{continuationJson},\"event\":{OriginalEvent}}}";

        var read = ContinuationEnvelope.TryRead(Encoding.UTF8.GetBytes(payload));

        Assert.NotNull(read);
        Assert.Null(read.Continuation);
        Assert.NotNull(read.Problem);
        Assert.Equal(OriginalEvent, Encoding.UTF8.GetString(read.Event.Span));
    }
}
