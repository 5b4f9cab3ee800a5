using System.Reflection;
using System.Text.RegularExpressions;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>Issue 13: messages a new user meets in the first hour say what is wrong, where, and what was meant.</summary>
public sealed class FirstHourMessageTests
{
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";

    [Theory]
    [InlineData("Memroy", "did you mean Memory?")]
    [InlineData("Priroity", "did you mean Priority?")]
    [InlineData("SevriceName", "did you mean ServiceName?")]
    public void Swapped_neighbouring_letters_get_a_did_you_mean(string name, string fragment)
    {
        Problem(Read(Minimal().With(name, "1")), name, fragment);
    }

    [Theory]
    [InlineData("\"2GB\"", "expected a whole number, got the string '2GB'; Memory is a number of MiB without a unit: write 2048 for 2 GB")]
    [InlineData("\"0.5 GiB\"", "write 512 for 0.5 GB")]
    [InlineData("\"512MiB\"", "write 512 for 512 MB")]
    [InlineData("\"2\"", "2 is out of range; allowed: 512 to 122880; Memory is in MiB: 2 GB is 2048")]
    public void Memory_written_with_a_unit_or_in_gigabytes_says_it_is_in_mebibytes(string value, string message)
    {
        Problem(Read(Changed("Memory=" + value)), "Memory", message);
    }

    [Fact]
    public void A_size_on_another_integer_gets_no_memory_hint()
    {
        var problem = Problem(Read(Changed("ContainerPort=\"2GB\"")), "ContainerPort", "expected a whole number");

        Assert.DoesNotContain("MiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_capacity_above_max_capacity_is_reported_beside_an_invalid_desired_count()
    {
        var result = Read(Changed("DesiredCount=\"x\" & AutoScaling.MinCapacity=\"5\" & AutoScaling.MaxCapacity=\"2\""));

        Problem(result, "DesiredCount", "expected a whole number");
        Problem(result, "AutoScaling.MinCapacity", "5 is above MaxCapacity 2; MinCapacity ≤ DesiredCount ≤ MaxCapacity");
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void Min_capacity_above_max_capacity_is_said_once_not_also_against_desired_count()
    {
        var result = Read(Changed("DesiredCount=\"1\" & AutoScaling.MinCapacity=\"5\" & AutoScaling.MaxCapacity=\"2\""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("AutoScaling.MinCapacity", "5 is above MaxCapacity 2; MinCapacity ≤ DesiredCount (1) ≤ MaxCapacity"), (problem.Property, problem.Message));
    }

    [Fact]
    public void A_long_wrong_value_is_shown_around_the_part_that_is_wrong()
    {
        var problem = Problem(Read(Changed($"Network.ListenerArn=\"{LoadBalancerArn}\"")), "Network.ListenerArn", "is not valid");

        Assert.StartsWith("…'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(":123456789012:loadbalancer/app/my-alb/", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"({LoadBalancerArn.Length} characters, wrong from character 54)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_value_wrong_at_its_start_is_still_shown_from_its_start()
    {
        var value = "Arn" + LoadBalancerArn[3..];

        var problem = Problem(Read(Changed($"Network.ListenerArn=\"{value}\"")), "Network.ListenerArn", "is not valid");

        Assert.StartsWith("'Arn:aws:elasticloadbalancing:", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PropertyPatterns.ListenerArn, LoadBalancerArn, 53)]
    [InlineData(PropertyPatterns.Name, "app_api", 3)]
    [InlineData(PropertyPatterns.Name, "app-", 4)]
    [InlineData(PropertyPatterns.SubnetId, "subnet-0123abcx", 14)]
    [InlineData(PropertyPatterns.TagKey, "team@東京", 7)]
    [InlineData(PropertyPatterns.TagKey, "team\u0001x", 4)]
    [InlineData(PropertyPatterns.HttpCodes, "200,20x", 6)]
    public void The_prefix_that_can_still_match_ends_where_the_value_goes_wrong(string pattern, string value, int length)
    {
        Assert.Equal(length, PatternPrefix.MatchedLength(pattern, value));
    }

    public static TheoryData<string> CatalogPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(PropertyPatterns).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && ((string)f.GetRawConstantValue()!).StartsWith('^')))
        {
            data.Add(field.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogPatterns))]
    public void Every_catalog_pattern_is_understood_and_a_match_is_followed_to_its_end(string name)
    {
        var pattern = (string)typeof(PropertyPatterns).GetField(name)!.GetRawConstantValue()!;
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var random = new Random(13);
        const string Alphabet = "abcz09AZ-_./:@*?#=+ \"'~&$arn:aws:secretsmanager:ssm:iam::role/listener/app/vpc-subnet-sg-0123456789abcdef";

        Assert.NotNull(PatternPrefix.MatchedLength(pattern, string.Empty));
        for (var i = 0; i < 2000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var length = PatternPrefix.MatchedLength(pattern, text);

            // A match is followed to its end; a mismatch never claims the whole value and a prefix that matched (minus the
            // lookahead, taken as true) is never cut shorter than the regex itself gets.
            Assert.True(regex.IsMatch(text) ? length == text.Length : length <= text.Length, $"{name}: '{text}' → {length}");
        }
    }
}
