using FargateApi.Desired;

namespace FargateApi.Tests.Desired;

public class ValueEqualityTests
{
    [Fact]
    public void Value_lists_with_the_same_items_are_equal_and_order_matters()
    {
        Assert.Equal(ValueList.Of("a", "b"), ValueList.Of("a", "b"));
        Assert.Equal(ValueList.Of("a", "b").GetHashCode(), ValueList.Of("a", "b").GetHashCode());
        Assert.NotEqual(ValueList.Of("a", "b"), ValueList.Of("b", "a"));
        Assert.True(ValueList.Of(1) != ValueList.Of(2));
    }

    [Fact]
    public void Value_maps_compare_by_content_whatever_the_insertion_order()
    {
        var one = ValueMap.Of(("b", "2"), ("a", "1"));
        var other = ValueMap.Of(("a", "1"), ("b", "2"));

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Equal("{a=1, b=2}", one.ToString());
        Assert.NotEqual(one, ValueMap.Of(("a", "1"), ("b", "3")));
        Assert.Equal("2", one["b"]);
        Assert.False(one.ContainsKey("c"));
    }

    [Fact]
    public void Desired_stacks_from_equal_properties_in_new_list_instances_are_equal()
    {
        var copy = Seed.Properties with
        {
            PathPatterns = [.. Seed.Properties.PathPatterns],
            EnvironmentVariables = Seed.Properties.EnvironmentVariables.Reverse().ToDictionary(),
            Grants = Seed.Properties.Grants with { DynamoDbTables = [.. Seed.Properties.Grants.DynamoDbTables.Reverse()] },
        };

        Assert.Equal(Seed.Stack(), Seed.Stack(copy));
        Assert.Equal(Seed.Stack().GetHashCode(), Seed.Stack(copy).GetHashCode());
    }

    [Fact]
    public void Desired_stacks_differing_in_one_nested_value_are_not_equal()
    {
        var changed = Seed.Properties with { PathPatterns = ["/api/*", "/v2/*"] };

        Assert.NotEqual(Seed.Stack(), Seed.Stack(changed));
    }
}
