using FargateApi.Aws.Services;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Execution;

/// <summary>One execution of a plan: the clients, the clock, the plan, its time budget, and the outputs so far.</summary>
internal sealed class StackRun(AwsApis aws, TimeProvider time, ProvisionerOptions options, Plan plan, WaitBudget budget, Outputs? outputs = null)
{
    public AwsApis Aws { get; } = aws;

    public TimeProvider Time { get; } = time;

    public ProvisionerOptions Options { get; } = options;

    public Plan Plan { get; } = plan;

    public WaitBudget Budget { get; } = budget;

    public Outputs Outputs { get; } = outputs ?? new Outputs();

    /// <summary>The stack the steps converge on (the new generation on replacement; for Delete, the one being removed).</summary>
    public DesiredStack Stack => Plan.Stack;

    /// <summary>On Update: the stack before (the old generation on replacement).</summary>
    public DesiredStack? Previous => Plan.Previous;

    /// <summary>What a step read for a later step of the same run (the listener's rules, say), by key.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, object> Facts { get; } = new(StringComparer.Ordinal);

    public PollBudget PollBudget => new(Budget.Deadline, Budget.InvocationDeadline, Options.ContinuationMargin);

    /// <summary>Pauses before a second look, when a read may lag behind a write (eventual consistency).</summary>
    public Task SettleAsync(CancellationToken cancellationToken) => Task.Delay(Options.ConsistencyDelay, Time, cancellationToken);
}
