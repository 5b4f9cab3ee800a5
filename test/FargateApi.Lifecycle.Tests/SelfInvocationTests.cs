using System.Text;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// The core's half of a long wait: the continuation survives serialization through an asynchronous self-invocation and
/// the resumed operation finishes once. The edge's envelope around it is tested in FargateApi.Lambda.Tests.
/// </summary>
public sealed class SelfInvocationTests
{
    [Fact]
    public async Task A_wait_continues_through_an_asynchronous_self_invocation_and_finishes_once()
    {
        var h = new Harness();
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20);

        // What the edge does with an unfinished outcome: no answer to CloudFormation, an Event invocation of itself.
        var outcome = await h.Provisioner.CreateAsync(Harness.Identity() with { InvocationDeadline = deadline }, Props.Seed, CancellationToken.None);
        var invocations = 0;
        while (!outcome.IsFinished)
        {
            await h.Apis.Lambda.InvokeEventAsync(TemplateDeployment.ProviderFunctionArn, Encoding.UTF8.GetBytes(outcome.Continuation!.ToJson()), CancellationToken.None);
            var replay = Assert.Single(h.Aws.TakeInvocations());
            Assert.Equal("Event", replay.InvocationType);
            var continuation = LifecycleContinuation.FromJson(Encoding.UTF8.GetString(replay.Payload));
            Assert.Equal(outcome.Continuation, continuation);
            invocations++;
            outcome = await h.Provisioner.ResumeAsync(Harness.Identity(), continuation, null, null, Props.Seed, CancellationToken.None);
        }

        Assert.Equal(1, invocations);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service", outcome.PhysicalResourceId);
        Assert.Empty(h.Aws.TakeInvocations());
    }
}
