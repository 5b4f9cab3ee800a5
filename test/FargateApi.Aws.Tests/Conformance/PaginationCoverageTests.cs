using System.Text;
using System.Text.Json;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// For every catalogued operation the model paginates (paginators-1.json), some client call sends the paginator's
/// input token and the parsed result hands back the output token, so the Pagination helpers can walk every page.
/// </summary>
public class PaginationCoverageTests
{
    public static TheoryData<string> PaginatedOperations { get; } = [.. SampleRequests.All
        .Select(c => $"{c.Model}:{c.Operation}")
        .Distinct(StringComparer.Ordinal)
        .Where(id => Paginator(id) is not null)];

    private static JsonElement? Paginator(string id)
    {
        var (service, operation) = Split(id);
        return ServiceModel.Load(service).Paginators is { } all && all.TryGetProperty(operation, out var paginator) ? paginator : null;
    }

    private static (string Service, string Operation) Split(string id) => (id[..id.IndexOf(':', StringComparison.Ordinal)], id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]);

    [Fact]
    public void Catalogued_paginated_operations_are_found()
    {
        // ListTaskDefinitions, ListTasks, DescribeTargetGroups, DescribeRules, DescribeLogGroups, Describe* of EC2, List* of IAM…
        Assert.True(PaginatedOperations.Count >= 15, $"only {PaginatedOperations.Count} paginated operations found");
    }

    [Theory]
    [MemberData(nameof(PaginatedOperations))]
    public async Task Client_sends_the_input_token_and_returns_the_output_token(string id)
    {
        var (service, operation) = Split(id);
        var paginator = Paginator(id)!.Value;
        var inputToken = paginator.GetProperty("input_token").GetString()!;
        var outputToken = paginator.GetProperty("output_token").GetString()!;
        var model = ServiceModel.Load(service);
        var input = model.Operation(operation).Input!;

        var sendsToken = false;
        var returnsToken = false;
        foreach (var sample in SampleRequests.All.Where(c => c.Model == service && c.Operation == operation))
        {
            var caller = new ModelAnsweringCaller();
            var result = await sample.Call(caller, CancellationToken.None);
            sendsToken |= Sends(model, input, caller.Sent[0].Request, inputToken);
            returnsToken |= Population.Strings(result).Any(text => text.StartsWith($"sample-{outputToken}-", StringComparison.Ordinal));
        }

        Assert.True(sendsToken, $"no call of {id} sends the paginator input token '{inputToken}'");
        Assert.True(returnsToken, $"no call of {id} returns the paginator output token '{outputToken}'");
    }

    private static bool Sends(ServiceModel model, Shape input, AwsRequest request, string member)
    {
        var body = Encoding.UTF8.GetString(request.Body);
        if (model.Protocol is "query" or "ec2")
        {
            var key = new QueryBodyChecker(model.Protocol == "ec2", []).KeyName(input.Member(member)!);
            return FormEncoding.Parse(body, "", []).Any(pair => pair.Key == key);
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty(member, out _);
    }
}
