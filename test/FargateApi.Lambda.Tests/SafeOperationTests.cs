using System.Text;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

public class SafeOperationTests
{
    private static readonly Uri Url = new("https://bucket.example/response?X-Amz-Signature=abc");

    private static CustomResourceRequest Request(JsonObject cloudFormationEvent) =>
        Assert.IsType<WellFormedEvent>(RequestParser.Parse(Encoding.UTF8.GetBytes(cloudFormationEvent.ToJsonString()))).Request;

    private static CustomResourceResponse Answer(OperationResult result) => Assert.IsType<AnswerResult>(result).Response;

    [Fact]
    public async Task Result_of_an_operation_that_finishes_is_passed_through_unchanged()
    {
        var request = Request(Events.Create(Url));
        OperationResult finished = new AnswerResult(new CustomResourceResponse(ResponseStatus.Success, null, "acme-api", request.Target, false, CustomResourceResponse.EmptyData));

        var result = await SafeOperation.RunAsync(request, _ => Task.FromResult(finished), CancellationToken.None);

        Assert.Same(finished, result);
    }

    [Fact]
    public async Task Exception_of_a_create_is_one_failed_answer_with_its_message_and_the_failed_create_id()
    {
        var request = Request(Events.Create(Url));

        var result = await SafeOperation.RunAsync(
            request,
            async _ =>
            {
                await Task.Yield();
                throw new TimeoutException("waiting for ServicesStable");
            },
            CancellationToken.None);

        var answer = Answer(result);
        Assert.Equal(ResponseStatus.Failed, answer.Status);
        Assert.Equal("waiting for ServicesStable", answer.Reason);
        Assert.Equal(FailedCreateId.For(Events.LogicalResourceId, request.Target.RequestId), answer.PhysicalResourceId);
        Assert.Same(request.Target, answer.Target);
        Assert.Empty(answer.Data);
    }

    [Fact]
    public async Task Exception_thrown_before_the_operation_returns_a_task_is_answered_too()
    {
        var request = Request(Events.Create(Url));

        var result = await SafeOperation.RunAsync(request, _ => throw new NullReferenceException(), CancellationToken.None);

        Assert.Equal(ResponseStatus.Failed, Answer(result).Status);
        Assert.False(string.IsNullOrWhiteSpace(Answer(result).Reason));
    }

    [Theory]
    [InlineData("Update")]
    [InlineData("Delete")]
    public async Task Failed_update_or_delete_keeps_the_events_physical_id(string requestType)
    {
        var request = Request(requestType == "Update" ? Events.Update(Url, "acme-api") : Events.Delete(Url, "acme-api"));

        var result = await SafeOperation.RunAsync(request, _ => throw new InvalidOperationException("still in use"), CancellationToken.None);

        Assert.Equal("acme-api", Answer(result).PhysicalResourceId);
        Assert.Equal("still in use", Answer(result).Reason);
    }

    [Fact]
    public async Task Cancellation_through_the_callers_token_is_passed_on_for_the_caller_to_word()
    {
        var request = Request(Events.Create(Url));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SafeOperation.RunAsync(
            request,
            token => Task.FromException<OperationResult>(new OperationCanceledException(token)),
            stop.Token));
    }

    [Fact]
    public async Task Cancellation_the_caller_did_not_ask_for_is_a_failure_like_any_other()
    {
        var request = Request(Events.Create(Url));

        var result = await SafeOperation.RunAsync(request, _ => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."), CancellationToken.None);

        Assert.Equal("The request was canceled due to the configured HttpClient.Timeout.", Answer(result).Reason);
    }

    [Fact]
    public void Reason_is_the_message_of_the_one_inner_exception_or_the_type_name_when_there_is_no_message()
    {
        Assert.Equal("inner", SafeOperation.ReasonFor(new AggregateException(new AggregateException(new InvalidOperationException("inner")))));
        Assert.Equal(nameof(BlankMessageException), SafeOperation.ReasonFor(new BlankMessageException()));
        Assert.StartsWith("One or more errors occurred.", SafeOperation.ReasonFor(new AggregateException(new InvalidOperationException("a"), new InvalidOperationException("b"))), StringComparison.Ordinal);
    }

    private sealed class BlankMessageException : Exception
    {
        public override string Message => " ";
    }
}
