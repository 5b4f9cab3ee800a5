using System.Text.Json.Nodes;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>CloudFormation stringifies numbers and booleans; templates written for tests or other tools may not.</summary>
public sealed class StringFormsTests
{
    [Fact]
    public void Numbers_as_strings_and_as_numbers_read_the_same()
    {
        var strings = Valid(Read(Minimal().With("Cpu", "1024").With("Memory", "3072").With("DesiredCount", "2").With("Deployment.MaximumPercent", "150")));
        var numbers = Valid(Read(Minimal().With("Cpu", 1024).With("Memory", 3072).With("DesiredCount", 2).With("Deployment.MaximumPercent", 150)));

        Assert.Equal((1024, 3072, 2, 150), (strings.Cpu, strings.Memory, strings.DesiredCount, strings.Deployment.MaximumPercent));
        Assert.Equal((strings.Cpu, strings.Memory, strings.DesiredCount, strings.Deployment), (numbers.Cpu, numbers.Memory, numbers.DesiredCount, numbers.Deployment));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Booleans_as_strings_in_any_case_are_accepted(string given, bool expected)
    {
        var p = Valid(Read(Minimal().With("WaitForSteadyState", given).With("Deployment.CircuitBreakerRollback", given)));

        Assert.Equal(expected, p.WaitForSteadyState);
        Assert.Equal(expected, p.Deployment.CircuitBreakerRollback);
    }

    [Fact]
    public void Json_booleans_are_accepted()
    {
        Assert.False(Valid(Read(Minimal().With("EnableExecuteCommand", false))).EnableExecuteCommand);
    }

    [Fact]
    public void Numbers_given_to_string_properties_are_read_as_their_text()
    {
        var p = Valid(Read(Minimal().With("ImageTag", 42).With("EnvironmentVariables", new JsonObject { ["PORT"] = 8000, ["DEBUG"] = true })));

        Assert.Equal("42", p.Image.Tag);
        Assert.Equal("8000", p.EnvironmentVariables["PORT"]);
        Assert.Equal("true", p.EnvironmentVariables["DEBUG"]);
    }

    [Fact]
    public void Json_null_members_count_as_absent()
    {
        var p = Valid(Read("""{"ProjectPrefix": "myproj", "ServiceName": "app-api", "Priority": "1", "Cpu": null, "AutoScaling": null}"""));

        Assert.Equal(512, p.Cpu);
        Assert.Null(p.AutoScaling);
    }
}
