using FargateApi.Lambda.Wiring;

namespace FargateApi.Lambda.Tests.Security;

/// <summary>FARGATE_API_ALLOWED_LISTENER_ARNS as template.yaml sets it (the AllowedListenerArns parameter, joined with commas).</summary>
public sealed class AllowedListenersVariableTests
{
    private const string Shared = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string Internal = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/internal/6d0ecf831eec9f09/0467ef3c8400ae65";

    [Fact]
    public void Listed_listeners_are_allowed()
    {
        Assert.Equal([Shared, Internal], AwsWiring.AllowedListeners($"{Shared}, {Internal}"));
    }

    [Fact]
    public void Set_but_empty_allows_no_listener()
    {
        Assert.Equal([], AwsWiring.AllowedListeners(""));
    }

    [Fact]
    public void Unset_outside_a_deployment_of_the_template_allows_any()
    {
        Assert.Null(AwsWiring.AllowedListeners(null));
    }
}
