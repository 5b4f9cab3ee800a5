using System.Text;
using System.Text.Json.Nodes;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>
/// Random mutations of the valid seed properties (wrong kinds, huge strings, deep nesting, unicode, random keys,
/// removals), with a fixed seed: the reader never throws and always answers valid or with at least one problem.
/// </summary>
public sealed class PropertiesFuzzTests
{
    private const int Iterations = 2000;

    private static readonly string[] Paths = [.. AllPaths(Seed(), string.Empty), "Network.VpcId", "Network.SubnetIds", "Image", "TaskRoleArn", "HostHeaders", "Secrets"];

    [Fact]
    public void Random_mutations_never_throw_and_always_answer()
    {
        var random = new Random(20261128);
        var valid = 0;
        var invalid = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var node = Seed();
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(node, random);
            }

            var json = node.ToJsonString();
            PropertiesResult result;
            try
            {
                result = Read(json);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i} threw {e.GetType().Name}: {e.Message}\ninput (first 2000 chars): {json[..Math.Min(json.Length, 2000)]}");
                throw;
            }

            var text = result.Describe();
            if (result.IsValid)
            {
                valid++;
                Assert.NotNull(result.Properties);
            }
            else
            {
                invalid++;
                Assert.NotEmpty(result.Problems);
                Assert.Null(result.Properties);
                Assert.All(result.Problems, p => Assert.True(p.Message.Length < 2000 && p.Property.Length < 200, $"iteration {i}: overlong problem {p.Property[..Math.Min(80, p.Property.Length)]}"));
            }

            Assert.False(string.IsNullOrEmpty(text));
        }

        // Both outcomes must occur, or the mutations test nothing.
        Assert.True(valid > 20 && invalid > 1000, $"valid {valid}, invalid {invalid}");
    }

    private static void Mutate(JsonObject node, Random random)
    {
        var path = Paths[random.Next(Paths.Length)];
        switch (random.Next(6))
        {
            case 0:
                node.With(path, null);
                break;
            case 1:
                node.With(RandomKey(random, path), RandomValue(random, 0));
                break;
            default:
                node.With(path, RandomValue(random, 0));
                break;
        }
    }

    private static string RandomKey(Random random, string path)
    {
        var parent = path.Contains('.', StringComparison.Ordinal) ? path[..path.IndexOf('.', StringComparison.Ordinal)] + "." : string.Empty;
        var name = random.Next(3) switch
        {
            0 => RandomText(random, random.Next(1, 12)),
            1 => path[(path.LastIndexOf('.') + 1)..] + (char)('a' + random.Next(26)),
            _ => path[(path.LastIndexOf('.') + 1)..].ToLowerInvariant(),
        };
        return parent + name.Replace(".", "_", StringComparison.Ordinal);
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(16) switch
    {
        0 => JsonValue.Create(random.Next(-100000, 100000)),
        1 => JsonValue.Create(random.NextDouble() * 1e12),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => JsonValue.Create(random.Next(-5, 70000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        4 => JsonValue.Create(RandomText(random, random.Next(0, 40))),
        5 => JsonValue.Create(random.Next(40) == 0 ? new string('z', 1024 * 1024) : new string('y', random.Next(100, 5000))),
        6 => Nest(random.Next(1, 200)),
        7 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => depth < 3 ? RandomValue(random, depth + 1) : JsonValue.Create("x"))]),
        8 => RandomObject(random, depth),
        9 => JsonValue.Create(random.Next(2) == 0 ? "True" : "FALSE"),
        10 => JsonValue.Create("1e3"),
        11 => JsonValue.Create("9223372036854775808"),
        12 => new JsonArray(JsonValue.Create("/api/*"), JsonValue.Create(RandomText(random, 5))),
        13 => JsonValue.Create("arn:aws:iam::123456789012:role/" + RandomText(random, 10)),
        14 => null,
        _ => JsonValue.Create(long.MaxValue),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var result = new JsonObject();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            result[RandomText(random, random.Next(1, 10)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = depth < 3 ? RandomValue(random, depth + 1) : "v";
        }

        return result;
    }

    /// <summary>Arrays inside objects, <paramref name="depth"/> levels deep.</summary>
    private static JsonNode Nest(int depth)
    {
        JsonNode current = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
        {
            current = i % 2 == 0 ? new JsonArray(current) : new JsonObject { ["n"] = current };
        }

        return current;
    }

    /// <summary>Letters, digits, punctuation, control characters, accents, CJK, emoji (surrogate pairs), RTL and zero-width marks.</summary>
    private static string RandomText(Random random, int length)
    {
        string[] pool = ["a", "Z", "0", "-", "_", ".", "/", ":", "*", " ", "\n", "\t", "\u0000", "é", "ß", "漢", "😀", "\u200B", "\u202E", "\"", "\\", "%", "\uFFFD"];
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(pool[random.Next(pool.Length)]);
        }

        return text.ToString();
    }

    private static IEnumerable<string> AllPaths(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            yield return path;
            if (value is JsonObject child && name is not ("EnvironmentVariables" or "Tags"))
            {
                foreach (var nested in AllPaths(child, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }
}
