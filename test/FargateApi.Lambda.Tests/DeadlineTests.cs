using FargateApi.Lambda.Runtime;

namespace FargateApi.Lambda.Tests;

/// <summary>The answer goes out before Lambda's deadline, whatever the lifecycle does.</summary>
public class DeadlineTests
{
    [Fact]
    public async Task Lifecycle_that_hangs_gets_a_failed_timed_out_answer_before_the_deadline()
    {
        var lifecycle = new FakeLifecycle { OnCreate = FakeLifecycle.Hang };
        await using var provider = new ProviderHarness(lifecycle);
        var budget = TimeSpan.FromSeconds(3);
        var margin = ProviderHarness.TestOptions.MinimumSafetyMargin;
        var deadline = DateTimeOffset.UtcNow + budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), budget);

        Assert.Equal("response", outcome.Kind);
        var put = Assert.Single(provider.Puts);
        Assert.True(put.ReceivedAt < deadline, $"answered {(put.ReceivedAt - deadline).TotalMilliseconds} ms after the deadline");
        Assert.True(put.ReceivedAt > deadline - margin - margin, "answered long before the work window closed");
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.StartsWith("Create timed out after ", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_that_honours_its_token_is_cancelled_at_the_safety_margin()
    {
        var cancelled = new TaskCompletionSource();
        var lifecycle = new FakeLifecycle
        {
            OnUpdate = async (_, cancellationToken) =>
            {
                await using var registration = cancellationToken.Register(cancelled.SetResult);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            },
        };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api"), TimeSpan.FromSeconds(2));

        Assert.True(cancelled.Task.IsCompleted);
        var response = provider.SingleResponse();
        Assert.StartsWith("Update timed out after ", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Event_arriving_with_less_time_than_the_margin_is_answered_failed_without_provisioning()
    {
        await using var provider = new ProviderHarness();

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl), TimeSpan.FromMilliseconds(900));

        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.StartsWith("Create was not started: the event arrived with 0.", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 5)]
    [InlineData(900, 45)]
    [InlineData(2, 5)]
    public void Safety_margin_is_the_larger_of_five_seconds_and_five_percent_of_the_budget(int budgetSeconds, int marginSeconds)
    {
        var options = CloudFormation.HandlerOptions.FromEnvironment();

        Assert.Equal(TimeSpan.FromSeconds(marginSeconds), options.SafetyMargin(TimeSpan.FromSeconds(budgetSeconds)));
    }

    [Fact]
    public void Remaining_time_follows_the_injected_clock_and_never_goes_negative()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var context = new InvocationContext(new Invocation("id", clock.Now.AddSeconds(30), null, null, default), clock);

        Assert.Equal(TimeSpan.FromSeconds(30), context.RemainingTime);
        clock.Now = clock.Now.AddSeconds(29.5);
        Assert.Equal(TimeSpan.FromSeconds(0.5), context.RemainingTime);
        clock.Now = clock.Now.AddSeconds(10);
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
