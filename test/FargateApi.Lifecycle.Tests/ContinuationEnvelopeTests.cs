using System.Text.Json;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

public sealed class ContinuationEnvelopeTests
{
    private static readonly LifecycleContinuation Continuation = new(
        ContinuedOperation.Update,
        "myproj-cluster",
        "myproj-app-api-service-g1",
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero),
        2);

    [Fact]
    public void Envelope_carries_the_continuation_and_the_original_event_unchanged()
    {
        using var original = JsonDocument.Parse("""{"RequestType":"Update","ResponseURL":"https://example.com/r","PhysicalResourceId":"x","ResourceProperties":{"a":[1,2]}}""");

        var payload = ContinuationEnvelope.Write(Continuation, original.RootElement);
        var read = ContinuationEnvelope.TryRead(payload);

        Assert.NotNull(read);
        Assert.Equal(Continuation, read.Value.Continuation);
        Assert.Equal(original.RootElement.GetRawText(), read.Value.Event.GetRawText());
    }

    [Fact]
    public void An_ordinary_CloudFormation_event_is_not_a_continuation() =>
        Assert.Null(ContinuationEnvelope.TryRead("""{"RequestType":"Create","ResponseURL":"https://example.com/r"}"""u8));

    [Fact]
    public async Task A_wait_continues_through_an_asynchronous_self_invocation_and_finishes_once()
    {
        var h = new Harness();
        using var cloudFormationEvent = JsonDocument.Parse("""{"RequestType":"Create","LogicalResourceId":"AppApi"}""");
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20);

        // What the edge does with an unfinished outcome: no answer to CloudFormation, an Event invocation of itself.
        var outcome = await h.Provisioner.CreateAsync(Harness.Identity() with { InvocationDeadline = deadline }, Props.Seed, CancellationToken.None);
        var invocations = 0;
        while (!outcome.IsFinished)
        {
            await h.Apis.Lambda.InvokeEventAsync("fargate-api", ContinuationEnvelope.Write(outcome.Continuation!, cloudFormationEvent.RootElement), CancellationToken.None);
            var replay = Assert.Single(h.Aws.TakeInvocations());
            Assert.Equal("Event", replay.InvocationType);
            var (continuation, original) = ContinuationEnvelope.TryRead(replay.Payload)!.Value;
            Assert.Equal("Create", original.GetProperty("RequestType").GetString());
            invocations++;
            outcome = await h.Provisioner.ResumeAsync(Harness.Identity(), continuation, null, null, Props.Seed, CancellationToken.None);
        }

        Assert.Equal(1, invocations);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service", outcome.PhysicalResourceId);
        Assert.Empty(h.Aws.TakeInvocations());
    }
}
