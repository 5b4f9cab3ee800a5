using Xunit.Abstractions;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>The AWS operations the provider's code calls, read from its call sites (not from the catalog).</summary>
public sealed class CodeActionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_called_operation_maps_to_a_catalog_operation_and_an_action()
    {
        var code = CodeActions.Scan();
        foreach (var call in code.Calls)
        {
            output.WriteLine($"{call.Action ?? $"(no permission) {call.Model}:{call.Operation}"}  <- {string.Join("; ", call.CallSites)}");
        }

        Assert.Empty(code.Problems);
        Assert.True(code.Calls.Count >= 40, $"only {code.Calls.Count} called operations were found");
        Assert.All(code.Calls, call => Assert.NotEmpty(call.CallSites));
    }

    [Fact]
    public void Calls_through_the_aws_layers_helpers_are_found_with_the_helper_named()
    {
        var calls = CodeActions.Scan().Calls.ToDictionary(call => call.Action ?? call.Operation, StringComparer.Ordinal);

        // ListTasks is only ever called by EcsPagination.ListAllTasksAsync; Invoke by the Lambda project's continuation sender.
        Assert.Contains(calls["ecs:ListTasks"].CallSites, site => site.Contains("via EcsPagination.ListAllTasksAsync", StringComparison.Ordinal));
        Assert.Contains(calls["lambda:InvokeFunction"].CallSites, site => site.StartsWith("src/FargateApi.Lambda/", StringComparison.Ordinal));
        Assert.Contains(calls["ecs:CreateService"].CallSites, site => site.StartsWith("src/FargateApi.Provisioning/", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_operations_no_call_site_uses_are_not_called()
    {
        var called = CodeActions.Scan().Calls.Select(call => call.Action).ToHashSet(StringComparer.Ordinal);

        // The client still offers them (OperationCatalog), but no code path calls them: the role need not allow them.
        Assert.DoesNotContain("iam:AttachRolePolicy", called);
    }
}
